"""The self-assessment's questions as pages show them: the forms, the facilitator's pack and the
printed questionnaire (macros/site/assessment.py)."""
from __future__ import annotations

from ...content.model import Question, ScaleOption
from .. import assessment
from .base import PageView


class Questions(PageView):
    """What a page that shows the questions adds to a view (a mixin of the views that do)."""

    form_path = staticmethod(assessment.form_path)

    def questions_of(self, module_id: str | None) -> list[tuple[str, Question]]:
        """(module, question) of one module, or of all."""
        return assessment.questions(self.content, module_id)

    def question_source(self, module_id: str, question: Question) -> tuple[str, str, str | None]:
        """(label, guidance address, step) of what a question comes from."""
        return assessment.source_of(self.content, module_id, question, self._site.tr)

    def principle_title(self, module_id: str, question: Question) -> str | None:
        """The publication's title of the key principle a question comes from, if it comes from one."""
        return assessment.principle_title(self.content, module_id, question)

    def question_text(self, question: Question) -> str:
        return assessment.question_text(question, self._site.tr)

    def scale_label(self, option: ScaleOption) -> str:
        return assessment.scale_label(option, self._site.tr)
