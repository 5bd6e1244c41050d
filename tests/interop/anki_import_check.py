"""Imports goprep .apkg exports with Anki's own Python package (PyPI `anki`) into a fresh collection.

Usage: python anki_import_check.py FIRST.apkg [SECOND.apkg]
Prints one JSON object per import: notes, cards, decks, note types and tags in the collection after
it, plus the first export's notes (guid, fields) so the caller can check what was imported and that
a second import updated instead of duplicating. Exits non-zero if Anki refuses a file.
"""
import json
import sys
import tempfile
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition


def snapshot(col: Collection) -> dict:
    notes = []
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        notes.append({"guid": note.guid, "fields": list(note.fields), "tags": list(note.tags), "notetype": note.note_type()["name"]})
    return {
        "notes": col.note_count(),
        "cards": col.card_count(),
        "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
        "notetypes": sorted(n.name for n in col.models.all_names_and_ids()),
        "content": sorted(notes, key=lambda n: n["guid"]),
    }


def main(paths: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(str(Path(tmp) / "collection.anki2"))
        try:
            for path in paths:
                request = ImportAnkiPackageRequest(
                    package_path=str(Path(path).resolve()),
                    options=ImportAnkiPackageOptions(
                        merge_notetypes=True,
                        update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
                        update_notetypes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
                        with_scheduling=False,
                        with_deck_configs=False,
                    ),
                )
                log = col.import_anki_package(request)
                result = snapshot(col)
                result["file"] = path
                result["log"] = {
                    "new": len(log.log.new),
                    "updated": len(log.log.updated),
                    "duplicate": len(log.log.duplicate),
                    "conflicting": len(log.log.conflicting),
                    "first_field_match": len(log.log.first_field_match),
                    "missing_notetype": len(log.log.missing_notetype),
                }
                print(json.dumps(result, ensure_ascii=False))
        finally:
            col.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
