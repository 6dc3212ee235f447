"""The person in front of the screen: what they chose and typed, and its rules. Qt-free."""

from desktop_app.consultation.consultation import (
    MAX_COMPARED,
    Change,
    Consultation,
    ConsultationState,
    HandoutForm,
)

__all__ = ["MAX_COMPARED", "Change", "Consultation", "ConsultationState", "HandoutForm"]
