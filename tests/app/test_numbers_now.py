"""The "Right now" column's texts: the same words with the kept documents as without, and a document
saved since the last run is read again."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pbxdesk.app.numbers_now import NowTexts, now_summary
from pbxdesk.domain.defaults import default_document
from pbxdesk.store import Store

MOSCOW = ZoneInfo("Europe/Moscow")


def now_texts(store: Store, numbers: list[str], lang: str, at: datetime) -> dict[str, str]:
    """The same texts from each saved document read afresh: what ``NowTexts`` must agree with."""
    directory = store.get_directory()
    saved = {number: store.get_saved(number) for number in numbers}
    return {number: now_summary(doc, directory, at, lang) for number, doc in saved.items() if doc is not None}


def test_kept_documents_give_the_same_words_and_follow_saves(tmp_path: Path, spec_example, directory) -> None:
    with Store.open(tmp_path / "profile") as store:
        store.set_directory(directory)
        for i in range(3):
            doc = default_document(f"49523022{i:02d}", "Офис", directory)
            store.apply_server_document(doc.number, doc, 1)
        numbers = [r.number for r in store.list_numbers()]
        wednesday_noon = datetime(2026, 11, 25, 12, 0, tzinfo=MOSCOW)
        compute = NowTexts()
        first = compute(store, numbers, "ru", wednesday_noon)
        assert first == now_texts(store, numbers, "ru", wednesday_noon) and len(first) == 3
        # a saved change to one number: the kept copy is not used for it any more
        changed = spec_example.model_copy(deep=True)
        changed.number = numbers[1]
        store.save(numbers[1], changed, directory)
        second = compute(store, numbers, "ru", wednesday_noon)
        assert second == now_texts(store, numbers, "ru", wednesday_noon)
        assert second[numbers[1]] != first[numbers[1]] and second[numbers[0]] == first[numbers[0]]
        assert compute(store, numbers, "en", wednesday_noon) == now_texts(store, numbers, "en", wednesday_noon)
