"""What is made from the content besides pages: guidelines.json, the PDF pack, the offline ZIP."""
