"""The scanner as a spaCy pipeline: components, span group, an opt-in trained NER, findings at their place."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CliResult
from dsgvo_check.model import TextField
from dsgvo_check.text import FEW_TEXTS, detect
from dsgvo_check.text.pipeline import FINDERS, SPAN_GROUP, build

UNKNOWN_NAME = "Zorbax Quirlmann"  # in no gazetteer: only a trained NER can find it


def test_one_component_per_concern_writing_a_span_group() -> None:
    nlp = build(None)
    assert list(FINDERS) == [name for name in nlp.pipe_names if name in FINDERS]
    doc = nlp("Frau Kramer: kramer@example.de, 0171 2345678")
    assert sorted(span.label_ for span in doc.spans[SPAN_GROUP]) == ["EMAIL", "PERSON", "PHONE"]


def test_few_texts_skip_spacy_and_find_the_same() -> None:
    """A small batch runs the finder chain on the strings (no spaCy import), a large one the pipeline."""
    from text_entities_test import CASES

    fields = [TextField("body", text, "a.md", 1, 1) for text, _ in CASES] * 2
    assert len(fields) > FEW_TEXTS
    code = ("import sys; from dsgvo_check.model import TextField; from dsgvo_check.text import detect;"
            "d = detect([TextField('body', 'Frau Kramer, 0171 2345678', 'a.md', 1, 1)]);"
            "print(len(d), 'spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split() \
        == ["2", "False"]
    one_by_one = [(d.entity, d.text, d.start, d.detector) for f in fields for d in detect([f])]
    batched = [(d.entity, d.text, d.start, d.detector) for d in detect(fields)]
    assert one_by_one == batched
    assert len(batched) > 50


def test_import_is_cheap() -> None:
    code = ("import sys, dsgvo_check, dsgvo_check.text, dsgvo_check.cli;"
            "print(sorted({'spacy', 'cv2', 'weasyprint'} & set(sys.modules)))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


@pytest.fixture(scope="module")
def trained_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny German NER that knows one name, trained here (no download)."""
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("de")
    nlp.add_pipe("ner").add_label("PER")
    sentences = [f"Gestern kam {UNKNOWN_NAME} vorbei.", f"Wir danken {UNKNOWN_NAME} herzlich.",
                 f"{UNKNOWN_NAME} hat gewonnen.", "Heute gibt es Kuchen."]
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": [
        (text.index(UNKNOWN_NAME), text.index(UNKNOWN_NAME) + len(UNKNOWN_NAME), "PER")] if UNKNOWN_NAME in text
        else []}) for text in sentences]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "de_tiny_ner"
    nlp.to_disk(path)
    return path


def test_builtin_pipeline_does_not_know_the_unknown_name() -> None:
    assert [d.text for d in detect([TextField("body", f"Gestern kam {UNKNOWN_NAME} vorbei.", "a.md", 1, 1)])] == []


def test_trained_pipeline_adds_its_person_entities(trained_model: Path) -> None:
    field = TextField("body", f"Gestern kam {UNKNOWN_NAME} vorbei. Frau Kramer auch.", "a.md", 1, 1)
    found = {(d.text, d.detector) for d in detect([field], model=str(trained_model))}
    assert (UNKNOWN_NAME, "dsgvo_trained_person") in found
    assert ("Kramer", "dsgvo_person") in found


def test_trained_pipeline_from_config(trained_model: Path, write: Callable[..., Path], tmp_path: Path,
                                      cli: Callable[..., CliResult]) -> None:
    write("dsgvo-check.yaml", f"model: {trained_model}\n")
    write("posts/a.md", f"Gestern kam {UNKNOWN_NAME} vorbei.\n")
    result = cli("scan", str(tmp_path), "--format", "json", "--no-cache")
    persons = [f["text"] for f in result.json()["findings"] if f["entity"] == "PERSON"]
    assert persons == [UNKNOWN_NAME]


def test_findings_point_at_line_and_column_in_block_scalars_and_alt_texts(
        write: Callable[..., Path], tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    write("kampagne.yaml", "kind: campaign\nname: Test\nposts:\n  - id: a\n    text: |\n"
          "      Hallo zusammen,\n      schreibt an info@example.de\n")
    write("posts/b.md", "---\nimages:\n  - path: x.jpg\n    alt: \"Unser Team mit Anna Müller\"\n---\nText\n")
    result = cli("scan", str(tmp_path), "--format", "json", "--no-cache")
    found = {(Path(f["path"]).name, f["line"], f["column"], f["text"])
             for f in result.json()["findings"] if f["entity"]}
    assert ("kampagne.yaml", 7, 19, "info@example.de") in found
    assert ("b.md", 4, 26, "Anna Müller") in found
