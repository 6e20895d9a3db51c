"""Twenty people add a touchpoint to one map at the same moment: none is lost."""

from __future__ import annotations

import threading

from bot.engine import Engine, Turn
from storage import MapKey, MapStore

WRITERS = 20


def test_twenty_concurrent_writers_all_land(store: MapStore) -> None:
    engine = Engine(store)
    key = MapKey(workspace="T1", channel="C1", thread="1")
    engine.start(key, "Busy map", "lead")
    engine.handle(key, Turn(user="lead", text="stage: Discover"))
    barrier = threading.Barrier(WRITERS)
    versions: list[int] = []
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            barrier.wait()
            result = engine.handle(key, Turn(user=f"U{n}", text=f"Discover > Touchpoint {n} (web)"))
            assert result is not None and result.reply.changed, result
            versions.append(result.version)
        except BaseException as exc:  # surfaced below with the thread's own error
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    m = store.load(key).journey_map  # type: ignore[union-attr]
    assert sorted(t.description for t in m.touchpoints) == sorted(
        f"Touchpoint {n}" for n in range(WRITERS)
    )
    assert len({t.id for t in m.touchpoints}) == WRITERS
    assert sorted(versions) == list(range(3, 3 + WRITERS))
    history = [v.version for v in store.history(m.id)]
    assert history == sorted(history) == list(range(1, m.version + 1))
