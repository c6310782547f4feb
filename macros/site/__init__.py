"""The site: addresses, the list of pages and navigation, rendering with the templates."""
