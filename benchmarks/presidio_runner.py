"""Presidio's AnalyzerEngine on the posts of throughput.py, German, on a blank spaCy pipeline.

Runs inside benchmarks/.venv-presidio (never in the product's environment). Prints one JSON line.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path


def analyzer(model_dir: str):  # type: ignore[no-untyped-def]
    """AnalyzerEngine for "de" with Presidio's pattern recognizers enabled for German."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        UrlRecognizer,
    )

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "de", "model_name": model_dir}]})
    registry = RecognizerRegistry(supported_languages=["de"])
    for recognizer in (CreditCardRecognizer, DateRecognizer, EmailRecognizer, IbanRecognizer, IpRecognizer,
                       UrlRecognizer):
        registry.add_recognizer(recognizer(supported_language="de"))
    registry.add_recognizer(PhoneRecognizer(supported_language="de", supported_regions=("DE", "AT", "CH")))
    return AnalyzerEngine(nlp_engine=provider.create_engine(), registry=registry, supported_languages=["de"])


def main() -> None:
    import spacy

    posts = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        spacy.blank("de").to_disk(folder)
        engine = analyzer(folder)
        build_s = time.perf_counter() - started
        started = time.perf_counter()
        found = sum(len(engine.analyze(text, language="de")) for text in posts)
    print(json.dumps({"build_s": build_s, "scan_s": time.perf_counter() - started, "found": found,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
