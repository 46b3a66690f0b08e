"""dsgvo-check: GDPR (DSGVO) audit of social-media content repositories."""

__version__ = "0.1.0"
