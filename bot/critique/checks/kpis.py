"""KPIs and actions: measured from a baseline to a target by an owner, linked to the journey;
every pain has an owned action."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bot.critique.view import Hit, MapView, quoted


def no_kpis(v: MapView) -> Iterator[Hit]:
    stage = v.lowest_stage()
    if v.m.stages and not v.m.kpis:
        yield Hit(
            v.at_map(),
            "The map has no KPI, so nobody will know whether the changes it leads to work.",
            "Add one or two measures tied to the objective, e.g. `kpi: <what you count at "
            f"{quoted(v.touchpoint_in(stage))}> | baseline: <today's value> | target: <the value "
            f"to reach> | owner: <who reports it> | stage: {stage.name if stage else '<stage>'}`.",
        )


def _kpis_without(field: str, problem: str, fix: str) -> Callable[[MapView], Iterator[Hit]]:
    """A check for KPIs missing one field; `problem` and `fix` are formatted with the KPI."""

    def check(v: MapView) -> Iterator[Hit]:
        for k in v.m.kpis:
            if not getattr(k, field):
                name = quoted(k.name)
                yield Hit(v.at_kpi(k), problem.format(name=name), fix.format(id=k.id, name=name))

    return check


kpi_no_baseline = _kpis_without(
    "baseline",
    "KPI {name} has no baseline, so no change can be shown against today.",
    "Record today's value, e.g. `edit {id} baseline: <today's value of {name}>`; if unknown, "
    "make measuring it the first action.",
)
kpi_no_target = _kpis_without(
    "target",
    "KPI {name} has no target, so nobody can say when it is good enough.",
    "Set the value to reach and by when, e.g. `edit {id} target: <the value of {name} to reach> "
    "by <date>`.",
)
kpi_no_owner = _kpis_without(
    "owner",
    "KPI {name} has no owner, so nobody reports on it.",
    "Name who is answerable for it, e.g. `edit {id} owner: <who reports {name}>`.",
)


def kpi_unlinked(v: MapView) -> Iterator[Hit]:
    for k in v.m.kpis:
        if k.stage_id is None and k.pain_point_id is None and k.changes is None:
            yield Hit(
                v.at_kpi(k),
                f"KPI {quoted(k.name)} is linked to no stage, pain point or change, so it floats "
                "free of the journey it should measure.",
                f"Tie it to the stage or pain it measures, e.g. `edit {k.id} stage: "
                f"{v.m.stages[0].name if v.m.stages else 'Apply'}`.",
            )


def action_no_owner(v: MapView) -> Iterator[Hit]:
    for a in v.m.actions:
        if not a.owner:
            yield Hit(
                v.at_action(a),
                f"Action {quoted(a.description)} has no owner, so it is unlikely to happen.",
                f"Name the team or person who will do it, e.g. `edit {a.id} owner: "
                f"{v.owner_near(a.stage_id)}`.",
            )


def pain_no_action(v: MapView) -> Iterator[Hit]:
    for p in v.m.pain_points:
        if not v.actions_for_pain.get(p.id):
            yield Hit(
                v.at_pain(p),
                f"Pain point {quoted(p.text)} has no action, so the map records the problem but "
                "nobody is going to fix it.",
                "Add an owned action linked to it, e.g. `action: <what will change> | owner: "
                f"<team> | pain: {p.id}`, or record why the pain is accepted.",
            )
