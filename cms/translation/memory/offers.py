"""What the task page shows beside each segment: memory matches (score, origin, date, who)
and the source with its glossary terms highlighted."""

from dataclasses import dataclass, field

from . import glossary, lookup


@dataclass
class Offer:
    highlighted: str
    matches: list = field(default_factory=list)

    @property
    def has_exact(self) -> bool:
        return any(match.exact for match in self.matches)


def offers_for(task, units) -> dict[str, Offer]:
    """{unit id: Offer} for the task's units (``exchange.units.units_for``); a fixed number of
    queries however many units there are."""
    terms = glossary.terms_for(task.target_locale_id)
    found = lookup.matches(
        [unit.source for unit in units], task.source_locale_id, task.target_locale_id
    )
    return {
        unit.id: Offer(glossary.highlight(unit.source, terms), matches)
        for unit, matches in zip(units, found, strict=True)
    }
