"""Check functions, one module per area: each takes a MapView and yields Hits."""

from collections.abc import Callable, Iterator

from bot.critique.view import Hit, MapView

Check = Callable[[MapView], Iterator[Hit]]
