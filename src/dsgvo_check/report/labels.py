"""Words of the HTML/PDF report in German and English, and a glossary of the legal references."""

from __future__ import annotations

import re

SEVERITY_LABELS: dict[str, dict[str, str]] = {
    "de": {"critical": "kritisch", "high": "hoch", "medium": "mittel", "low": "niedrig", "info": "Hinweis"},
    "en": {"critical": "critical", "high": "high", "medium": "medium", "low": "low", "info": "info"},
}

CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "de": {"pii": "Personenbezogene Daten", "art9": "Besondere Kategorien (Art. 9)", "minors": "Minderjährige",
           "consent": "Einwilligungen", "giveaway": "Gewinnspiele", "image": "Bilder",
           "collect": "Datenerhebung", "tracking": "Tracking", "ads": "Werbung/Zielgruppen", "core": "Prüfung"},
    "en": {"pii": "Personal data", "art9": "Special categories (Art. 9)", "minors": "Minors",
           "consent": "Consent", "giveaway": "Giveaways", "image": "Images", "collect": "Data collection",
           "tracking": "Tracking", "ads": "Ads/audiences", "core": "Scan"},
}

LABELS: dict[str, dict[str, str]] = {
    "de": {
        "default_title": "DSGVO-Prüfbericht", "subtitle": "Prüfung von Social-Media-Inhalten",
        "confidential": "Vertraulich – interne Prüfung", "page": "Seite", "of": "von",
        "scope": "Geprüfter Bestand", "as_of": "Stichtag", "generated": "Erstellt", "duration": "Dauer",
        "tool": "Werkzeug", "rules_hash": "Regelwerk (SHA-256)", "git_commit": "Git-Commit",
        "no_git": "kein Git-Repository", "dirty": "mit nicht eingecheckten Änderungen",
        "reviewer": "Prüfer/in", "files": "Dateien", "items": "Beiträge", "findings": "Befunde",
        "masked_note": "Personenbezogene Daten sind in diesem Bericht maskiert.",
        "shown_note": "Achtung: Dieser Bericht enthält personenbezogene Daten im Klartext.",
        "contents": "Inhalt", "summary": "Zusammenfassung", "by_severity": "Nach Schweregrad",
        "by_category": "Nach Kategorie", "items_with": "Beiträge mit Befunden", "no_findings":
        "Keine Befunde.", "sections": "Befunde je Beitrag", "clean_items": "Beiträge ohne Befund",
        "other": "Weitere Befunde", "channel": "Kanal", "publish": "Veröffentlichung", "campaign": "Kampagne",
        "location": "Fundstelle", "people": "Genannte Personen", "images": "Bilder", "text": "Text",
        "severity": "Schweregrad", "rule": "Regel", "message": "Befund", "legal": "Rechtsgrundlage",
        "explanation": "Erläuterung", "remediation": "Abhilfe", "notes": "Erläuterung und Abhilfe",
        "faces": "Gesichter", "gps": "GPS-Koordinaten", "metadata": "Metadaten", "none": "–",
        "not_checked": "nicht geprüft", "appendix": "Anhang", "rules_applied": "Angewandte Regeln",
        "title": "Titel", "version": "Version", "category": "Kategorie", "suppressed": "Akzeptierte und "
        "unterdrückte Befunde", "reason": "Begründung", "source": "Quelle", "by": "durch", "glossary":
        "Glossar der Rechtsgrundlagen", "meaning": "Bedeutung", "cited_by": "Regeln", "evidence":
        "Nachweis der Prüfung", "config": "Wirksame Konfiguration", "file_hashes": "Geprüfte Dateien "
        "(SHA-256)", "kind": "Art", "notices": "Hinweise der Prüfung", "signoff": "Freigabe",
        "signoff_intro": "Entscheidung der rechtlichen Prüfung auf Grundlage dieses Berichts:",
        "decision": "Entscheidung", "approved": "freigegeben", "conditions": "mit Auflagen",
        "rejected": "abgelehnt", "conditions_text": "Auflagen / Anmerkungen", "date": "Datum",
        "signature": "Unterschrift", "no_suppressed": "Keine akzeptierten oder unterdrückten Befunde.",
        "image_unreadable": "Bild nicht lesbar oder außerhalb des geprüften Ordners", "total": "Gesamt",
        "seconds": "s", "unknown_ref": "siehe Gesetzestext", "fired_rules": "Erläuterung der festgestellten "
        "Befunde", "all_rules": "Alle angewandten Regeln", "times": "Befunde", "sources": "Quellen",
        "sections_lead": "Je Beitrag: Text mit markierten Fundstellen (Nummer hochgestellt), Bilder mit verpixelten "
        "Gesichtern, Befunde mit Schweregrad, Regel und Rechtsgrundlage. Erläuterung und Abhilfe je Regel stehen "
        "einmal in Anhang A.1 (die Regel-Kennung verweist dorthin).",
    },
    "en": {
        "default_title": "GDPR audit report", "subtitle": "Review of social-media content",
        "confidential": "Confidential – internal review", "page": "Page", "of": "of",
        "scope": "Scope", "as_of": "As of", "generated": "Generated", "duration": "Duration",
        "tool": "Tool", "rules_hash": "Rule set (SHA-256)", "git_commit": "Git commit",
        "no_git": "not a git repository", "dirty": "with uncommitted changes",
        "reviewer": "Reviewer", "files": "Files", "items": "Items", "findings": "Findings",
        "masked_note": "Personal data is masked in this report.",
        "shown_note": "Caution: this report shows personal data in clear.",
        "contents": "Contents", "summary": "Executive summary", "by_severity": "By severity",
        "by_category": "By category", "items_with": "Items with findings", "no_findings": "No findings.",
        "sections": "Findings by item", "clean_items": "Items without findings", "other": "Other findings",
        "channel": "Channel", "publish": "Publish date", "campaign": "Campaign", "location": "Location",
        "people": "People named", "images": "Images", "text": "Text", "severity": "Severity", "rule": "Rule",
        "message": "Finding", "legal": "Legal reference", "explanation": "Explanation",
        "remediation": "Remediation", "notes": "Explanation and remediation", "faces": "Faces",
        "gps": "GPS coordinates", "metadata": "Metadata", "none": "–", "not_checked": "not checked",
        "appendix": "Appendix", "rules_applied": "Rules applied", "title": "Title", "version": "Version",
        "category": "Category", "suppressed": "Accepted and suppressed findings", "reason": "Reason",
        "source": "Source", "by": "by", "glossary": "Glossary of legal references", "meaning": "Meaning",
        "cited_by": "Rules", "evidence": "Evidence of the scan", "config": "Effective configuration",
        "file_hashes": "Files scanned (SHA-256)", "kind": "Kind", "notices": "Scan notices",
        "signoff": "Sign-off", "signoff_intro": "Decision of the legal review based on this report:",
        "decision": "Decision", "approved": "freigegeben (approved)", "conditions":
        "mit Auflagen (with conditions)", "rejected": "abgelehnt (rejected)", "conditions_text":
        "Conditions / remarks", "date": "Date", "signature": "Signature", "no_suppressed":
        "No accepted or suppressed findings.", "image_unreadable": "image unreadable or outside the scanned "
        "folder", "total": "Total", "seconds": "s", "unknown_ref": "see the statute",
        "fired_rules": "Explanation of the findings",
        "all_rules": "All rules applied", "times": "Findings", "sources": "Sources",
        "sections_lead": "Per item: the text with the findings marked (number in superscript), images with faces "
        "pixelated, each finding with severity, rule and legal reference. Explanation and remediation per rule "
        "are given once in appendix A.1 (the rule id links there).",
    },
}

GLOSSARY: dict[str, tuple[str, str]] = {
    "Art. 4 DSGVO": ("Begriffsbestimmungen (u. a. personenbezogene Daten, Einwilligung)",
                     "Definitions (personal data, consent, ...)"),
    "Art. 5 DSGVO": ("Grundsätze: Zweckbindung, Datenminimierung, Integrität, Rechenschaft",
                     "Principles: purpose limitation, data minimisation, integrity, accountability"),
    "Art. 6 DSGVO": ("Rechtmäßigkeit der Verarbeitung (Rechtsgrundlagen, z. B. Einwilligung)",
                     "Lawfulness of processing (legal bases such as consent)"),
    "Art. 7 DSGVO": ("Bedingungen für die Einwilligung, Widerruf, Kopplungsverbot",
                     "Conditions for consent, withdrawal, no tying"),
    "Art. 8 DSGVO": ("Einwilligung eines Kindes (unter 16 Jahren)", "Consent of a child (under 16)"),
    "Art. 9 DSGVO": ("Besondere Kategorien personenbezogener Daten (Gesundheit, Religion ...)",
                     "Special categories of personal data (health, religion, ...)"),
    "Art. 12 DSGVO": ("Transparente Information", "Transparent information"),
    "Art. 13 DSGVO": ("Informationspflichten bei Erhebung bei der betroffenen Person",
                      "Information to be provided when data is collected from the data subject"),
    "Art. 17 DSGVO": ("Recht auf Löschung", "Right to erasure"),
    "Art. 25 DSGVO": ("Datenschutz durch Technikgestaltung und Voreinstellungen", "Data protection by design"),
    "Art. 26 DSGVO": ("Gemeinsam Verantwortliche", "Joint controllers"),
    "Art. 30 DSGVO": ("Verzeichnis von Verarbeitungstätigkeiten", "Records of processing activities"),
    "Art. 32 DSGVO": ("Sicherheit der Verarbeitung", "Security of processing"),
    "Art. 35 DSGVO": ("Datenschutz-Folgenabschätzung", "Data protection impact assessment"),
    "Art. 87 DSGVO": ("Verarbeitung nationaler Kennziffern", "Processing of national identification numbers"),
    "Art. 91 DSGVO": ("Kirchen und religiöse Vereinigungen", "Churches and religious associations"),
    "KUG": ("Kunsturhebergesetz: Recht am eigenen Bild", "Art Copyright Act: right to one's own image"),
    "UWG": ("Gesetz gegen den unlauteren Wettbewerb", "Act against unfair competition"),
    "TMG": ("Telemediengesetz (bis 13.05.2024)", "Telemedia Act (until 2024-05-13)"),
    "DDG": ("Digitale-Dienste-Gesetz (ab 14.05.2024)", "Digital Services Act, German (from 2024-05-14)"),
    "TTDSG": ("Telekommunikation-Telemedien-Datenschutz-Gesetz (bis 13.05.2024)",
              "Telecommunications Telemedia Data Protection Act (until 2024-05-13)"),
    "TDDDG": ("Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz (ab 14.05.2024)",
              "Telecommunications Digital Services Data Protection Act (from 2024-05-14)"),
    "BDSG": ("Bundesdatenschutzgesetz", "Federal Data Protection Act"),
    "BGB": ("Bürgerliches Gesetzbuch (elterliche Sorge, Vertretung)", "Civil Code (parental care)"),
    "JuSchG": ("Jugendschutzgesetz", "Youth Protection Act"),
    "StGB": ("Strafgesetzbuch (Verletzung von Privatgeheimnissen)", "Criminal Code (breach of confidentiality)"),
    "AO": ("Abgabenordnung (Steuer-Identifikationsnummer)", "Fiscal Code (tax identification number)"),
    "Erwägungsgrund DSGVO": ("Erwägungsgrund der DSGVO (Auslegungshilfe)", "Recital of the GDPR"),
}

_ARTICLE = re.compile(r"^Art\.\s*(\d+)\b.*\bDSGVO$")
_LAW = re.compile(r"(\w+)$")


def glossary_key(ref: str) -> str:
    """The glossary entry a legal reference belongs to: `Art. 9 Abs. 1 DSGVO` -> `Art. 9 DSGVO`."""
    article = _ARTICLE.match(ref.strip())
    if article:
        return f"Art. {article.group(1)} DSGVO"
    if ref.startswith("Erwägungsgrund"):
        return "Erwägungsgrund DSGVO"
    law = _LAW.search(ref.strip())
    return law.group(1) if law and ref.lstrip().startswith("§") else ref


def meaning(ref: str, lang: str) -> str | None:
    """What a legal reference is about, where the glossary knows it."""
    entry = GLOSSARY.get(glossary_key(ref))
    if entry is None:
        return None
    return entry[1] if lang == "en" else entry[0]
