from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.ingest import WRITE_BATCH, folder_fingerprint
from knowledge.store import GuidanceStore
from knowledge.types import StoreLocation

from .conftest import make_kb


def _store(kb: KnowledgeBase) -> GuidanceStore:
    store, _ = kb._ready(build=False)
    return store


def _ids(kb: KnowledgeBase, guide_id: str | None = None) -> set[str]:
    where = {"guide_id": guide_id} if guide_id else None
    return {c.id for c in _store(kb).chunk_metadata(where)}


def test_first_use_builds_the_store_from_the_guides_folder(
    kb: KnowledgeBase, guides_dir: Path
) -> None:
    guides = kb.list_guides()
    assert [g.id for g in guides] == ["emotions", "personas", "stages-b2b", "stages-b2c"]
    b2b = next(g for g in guides if g.id == "stages-b2b")
    assert (b2b.title, b2b.steps, b2b.chunks) == ("Stages for a B2B buying journey", ["stages"], 2)
    assert _store(kb).fingerprint() == folder_fingerprint(guides_dir)


def test_reingest_is_idempotent(kb: KnowledgeBase) -> None:
    first = kb.ingest()
    before = _ids(kb)
    second = kb.ingest()
    assert first.added == len(before) and first.removed == 0
    assert (second.added, second.removed, second.unchanged) == (0, 0, len(before))
    assert _ids(kb) == before


def test_changed_file_replaces_its_chunks(kb: KnowledgeBase, guides_dir: Path) -> None:
    kb.ingest()
    old = _ids(kb, "stages-b2c")
    others = _ids(kb) - old
    path = guides_dir / "stages-b2c.md"
    path.write_text(path.read_text().replace("## Naming stages with verbs", "## Verbs for stages"))
    report = kb.ingest()
    new = _ids(kb, "stages-b2c")
    assert (report.added, report.removed) == (1, 1)
    assert len(new) == len(old) and len(new & old) == 1
    assert _ids(kb) - new == others
    headings = {
        c.metadata["heading"] for c in _store(kb).chunk_metadata({"guide_id": "stages-b2c"})
    }
    assert "Verbs for stages" in headings and "Naming stages with verbs" not in headings


def test_metadata_only_change_updates_in_place(kb: KnowledgeBase, guides_dir: Path) -> None:
    kb.ingest()
    path = guides_dir / "personas.md"
    path.write_text(path.read_text().replace("tags: [personas, research]", "tags: [personas]"))
    report = kb.ingest()
    assert report.removed == 0 and report.added == 2
    assert {c.metadata["tags"] for c in _store(kb).chunk_metadata({"guide_id": "personas"})} == {
        "personas"
    }


def test_deleted_file_takes_its_chunks(kb: KnowledgeBase, guides_dir: Path) -> None:
    kb.ingest()
    (guides_dir / "personas.md").unlink()
    report = kb.ingest()
    assert report.removed_guides == ["personas"]
    assert _ids(kb, "personas") == set()
    assert "personas" not in {g.id for g in kb.list_guides()}


def test_a_broken_file_keeps_its_previous_chunks(kb: KnowledgeBase, guides_dir: Path) -> None:
    kb.ingest()
    before = _ids(kb, "personas")
    (guides_dir / "personas.md").write_text("---\ntitle: a: b\n---\n## x\ntext")
    report = kb.ingest()
    assert len(report.errors) == 1 and "personas.md" in report.errors[0]
    assert _ids(kb, "personas") == before


def test_out_of_date_store_is_rebuilt_on_first_use(
    location: StoreLocation, guides_dir: Path
) -> None:
    make_kb(location, guides_dir).list_guides()
    (guides_dir / "extra.md").write_text(
        "---\nid: extra\ntitle: Extra\nsteps: [kpis]\n---\n## KPI\nOne."
    )
    reopened = make_kb(location, guides_dir)
    assert "extra" in {g.id for g in reopened.list_guides()}


def test_team_playbooks_sit_beside_the_guides(kb: KnowledgeBase, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "churn.txt").write_text("Phone churned customers within a week and ask why they left.")
    report = kb.ingest([team])
    assert report.guides == ["churn"] and report.added == 1
    (team / "churn.txt").unlink()
    assert kb.ingest([team]).removed_guides == ["churn"]
    assert "stages-b2b" in {g.id for g in kb.list_guides()}  # the built-in guides stay


def test_single_file_ingest_and_removal(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "renewals.md"
    path.write_text("# Renewals\n\nStart renewal talks ninety days out.")
    assert kb.ingest([path]).guides == ["renewals"]
    path.unlink()
    report = kb.ingest([path])
    assert report.removed_guides == ["renewals"] and "not found" in report.errors[0]


def test_collection_config_has_no_paths_and_telemetry_is_off(
    kb: KnowledgeBase, location: StoreLocation
) -> None:
    kb.ingest()
    store = _store(kb)
    config = json.dumps(store.configuration())
    assert str(location.chroma_dir.parent.resolve()) not in config
    assert "/" not in config
    assert store.configuration()["hnsw"]["space"] == "cosine"
    metadata = json.dumps([c.metadata for c in store.chunk_metadata()])
    assert str(location.chroma_dir.parent.parent) not in metadata
    assert store._client.get_settings().anonymized_telemetry is False


def _playbook(path: Path, sections: int) -> Path:
    path.write_text(
        "\n\n".join(
            f"## Step {n}\n\nAdvice {n}: give every new customer one named contact in the "
            "first week, and say when they will hear from you next."
            for n in range(sections)
        )
    )
    return path


def test_an_interrupted_ingest_keeps_its_batches_and_resumes(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    playbook = _playbook(tmp_path / "onboarding.md", WRITE_BATCH * 2 + 5)

    def interrupt_after_first_batch(done: int, total: int) -> None:
        if done >= WRITE_BATCH:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        kb.ingest([playbook], progress=interrupt_after_first_batch)
    assert len(_ids(kb, "onboarding")) == WRITE_BATCH  # the first batch is kept
    resumed = kb.ingest([playbook])
    assert resumed.added == WRITE_BATCH + 5 and resumed.unchanged == WRITE_BATCH
    assert len(_ids(kb, "onboarding")) == WRITE_BATCH * 2 + 5


def test_latin1_text_is_read_and_files_without_text_are_reported(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    latin = tmp_path / "café-playbook.txt"
    latin.write_bytes("Le café de bienvenue: expliquez la période d'essai.".encode("latin-1"))
    empty = tmp_path / "scanned.txt"
    empty.write_text("\n \n")
    report = kb.ingest([latin, empty])
    assert not report.errors and report.warnings == [
        "scanned.txt: no text found (a scanned PDF needs OCR first)"
    ]
    texts = [c.content for c in _store(kb).chunks(where={"source_file": latin.name})]
    assert any("café de bienvenue" in t and "période" in t for t in texts)
