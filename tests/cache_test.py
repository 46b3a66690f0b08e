"""The content-hash cache: where it lives, what it stores (never personal data), how it fails safe."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dsgvo_check import cache, cached
from dsgvo_check.config import Config
from dsgvo_check.model import Detection, FaceBox, ImageFacts, TextField


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def dump(folder: Path) -> str:
    with sqlite3.connect(folder / cache.FILE_NAME) as db:
        return "\n".join(f"{key} {value}" for key, value in db.execute("SELECT key, value FROM entries"))


def test_values_survive_a_reopen_in_the_env_folder(cache_dir: Path) -> None:
    with cache.Cache.open() as store:
        assert store.get("k") is None
        store.put("k", {"a": [1, 2]})
    with cache.Cache.open() as store:
        assert store.get("k") == {"a": [1, 2]}
    assert (cache_dir / cache.FILE_NAME).is_file()


def test_disabled_or_unwritable_cache_stores_nothing(cache_dir: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with cache.Cache.open(enabled=False) as store:
        store.put("k", 1)
        assert store.get("k") is None
    assert not cache_dir.exists()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV, str(blocker / "sub"))
    with cache.Cache.open() as store:
        store.put("k", 1)
        assert store.get("k") is None


def test_default_folder_is_the_user_cache_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV, raising=False)
    assert cache.cache_dir().rstrip("/").endswith("dsgvo-check")


def test_detections_are_stored_as_offsets_without_the_data(cache_dir: Path) -> None:
    body = TextField("body", "Hallo, ruf Anna an: 0911 123456 oder DE89370400440532013000.", "p.md", 5, 1)
    alt = TextField("images[0].alt", "Anna Müller am Stand", "p.md", 3, 10)
    found = [Detection("PHONE", body, 20, 31, "0911 123456", 0.9, "phone", "Kontextwort 'ruf'"),
             Detection("PERSON", alt, 0, 11, "Anna Müller", 0.8, "names", "Anna Müller ist ein Name")]
    key = cache.text_key([body, alt], None, "code")
    with cache.Cache.open() as store:
        store.put(key, cache.detections_to_rows(found, [body, alt]))
    stored = dump(cache_dir)
    assert "0911" not in stored and "Anna" not in stored and "Müller" not in stored and "DE89" not in stored
    with cache.Cache.open() as store:
        again = cache.rows_to_detections(store.get(key), [body, alt])
    assert again[0] == found[0]
    assert (again[1].text, again[1].field, again[1].reason) == ("Anna Müller", alt, "")


def test_text_key_depends_on_texts_model_and_detector_code() -> None:
    body = TextField("body", "Text", "p.md", 1, 1)
    other = TextField("body", "Text!", "p.md", 1, 1)
    keys = {cache.text_key([body], None, "c1"), cache.text_key([other], None, "c1"),
            cache.text_key([body], "de_core_news_md", "c1"), cache.text_key([body], None, "c2")}
    assert len(keys) == 4
    moved = TextField("body", "Text", "q.md", 40, 1)
    assert cache.text_key([moved], None, "c1") == cache.text_key([body], None, "c1")


def test_image_facts_with_personal_data_are_not_stored() -> None:
    clean = ImageFacts("a.jpg", "ab", 800, 600, "JPEG", faces=(FaceBox(1, 2, 30, 40, 0.7),), notes=("klein",))
    row = cache.facts_to_row(clean)
    assert row is not None
    assert cache.row_to_facts(row, "b.jpg", "ab") == ImageFacts("b.jpg", "ab", 800, 600, "JPEG",
                                                                faces=(FaceBox(1, 2, 30, 40, 0.7),),
                                                                notes=("klein",))
    assert cache.facts_to_row(ImageFacts("a.jpg", "ab", 1, 1, "JPEG", gps=(49.4, 11.1))) is None
    assert cache.facts_to_row(ImageFacts("a.jpg", "ab", 1, 1, "JPEG", metadata_people=(("Artist", "Kim"),))) is None
    assert cache.facts_to_row(ImageFacts("a.jpg", "ab", 1, 1, "JPEG", ocr_text="Anna Müller")) is None
    assert cache.image_key("ab", True, True, "c") != cache.image_key("ab", False, True, "c")


def test_code_fingerprint_changes_with_the_scanner_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "fakescanner"
    package.mkdir()
    (package / "__init__.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = cache.code_fingerprint("fakescanner")
    (package / "__init__.py").write_text("X = 22\n")
    assert cache.code_fingerprint("fakescanner") != before
    assert cache.code_fingerprint("no_such_package_here") != before


def test_rule_set_comes_from_the_cache_and_follows_rule_overrides(cache_dir: Path) -> None:
    first = cached.load_rules(Config())
    again = cached.load_rules(Config())
    assert (again.sha256, [r.id for r in again.rules]) == (first.sha256, [r.id for r in first.rules])
    with sqlite3.connect(cache_dir / cache.FILE_NAME) as db:
        assert db.execute("SELECT count(*) FROM entries WHERE typeof(value) = 'blob'").fetchone() == (1,)
    quiet = cached.load_rules(Config(disabled=frozenset({"PII-EMAIL"})))
    assert quiet.get("PII-EMAIL") is None and first.get("PII-EMAIL") is not None
    assert cached.load_rules(Config(cache=False)).sha256 == first.sha256
