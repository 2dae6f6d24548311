"""Choices: pick one, or tick any, of the printed options; an option may reveal follow-up boxes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from forms.kinds import TICKED, UNTICKED, Field


@dataclass(frozen=True)
class Option:
    """A printed option. As for a field's label (forms.kinds.Field), `label` is what the web
    shows and `paper_label` the printed wording, when the two differ."""

    value: str
    label: str
    hint: str | None = None
    reveal: tuple[Field, ...] = ()  # follow-up boxes shown when this option is chosen
    paper_label: str | None = None
    # The heading of the run of options it is listed under (an ethnic group), if any: the web
    # shows each run under its heading, and the option's words (Choice.words) start with it.
    group: str | None = None

    @property
    def label_on_paper(self) -> str:
        return self.paper_label or self.label


def _ticks(options: tuple[Option, ...], chosen: set[str]) -> str:
    """Every option with its tick box, worded as printed: on one line when short, else one
    option a line."""
    short = len(options) <= 4 and all(len(o.label_on_paper) <= 24 for o in options)
    # A no-break space keeps each box on the line of its label when the line wraps; short
    # options joined on one line have no-break spaces between their words too, so a line
    # breaks only between options, never inside one ("Police category 3", issue 12).
    boxes = [
        f"{TICKED if o.value in chosen else UNTICKED}\u00a0"
        + (o.label_on_paper.replace(" ", "\u00a0") if short else o.label_on_paper)
        for o in options
    ]
    return "   ".join(boxes) if short else "\n".join(boxes)


@dataclass(frozen=True)
class Choice(Field):
    """Pick one of the printed options. Documents print every option with a tick box."""

    options: tuple[Option, ...] = ()
    inline: bool = False

    @property
    def required_message(self) -> str:
        return f"Select {self.called}"

    def chosen(self, value: Any) -> set[str]:
        return {value} if isinstance(value, str) else set()

    def clean(self, raw: Any) -> Any:
        return raw or None

    def problem(self, value: Any) -> str | None:
        if value not in {o.value for o in self.options}:
            return f"Select {self.called} from the options given"
        return None

    def summary(self, value: Any) -> str:
        return ", ".join(o.label for o in self.options if o.value in self.chosen(value))

    def display(self, value: Any) -> str:
        return _ticks(self.options, self.chosen(value))

    def words(self, data: Mapping[str, Any]) -> str | None:
        """The answer in `data` as words for another form's text box: each option chosen as
        what its box describes, if typed, else its label, after its group's heading."""
        said = []
        for option in self.options:
            if option.value not in self.chosen(data.get(self.name)):
                continue
            described = [data[box.name] for box in option.reveal if data.get(box.name)]
            text = str(described[0]) if described else option.label
            said.append(f"{option.group}: {text}" if option.group else text)
        return ", ".join(said) or None

    def option_groups(self) -> list[tuple[str | None, list[tuple[int, Option]]]]:
        """The options in runs under the same heading (None: none), each option with its
        number (from 1) in the whole list."""
        runs: list[tuple[str | None, list[tuple[int, Option]]]] = []
        for number, option in enumerate(self.options, start=1):
            if not runs or runs[-1][0] != option.group:
                runs.append((option.group, []))
            runs[-1][1].append((number, option))
        return runs

    def follow_up_order(self) -> tuple[Option, ...]:
        """The options in the order their follow-up boxes are printed: the options' own."""
        return self.options

    def walk(self) -> Iterator[Field]:
        yield self
        for option in self.options:
            for revealed in option.reveal:
                yield from revealed.walk()

    def shown(self, data: Mapping[str, Any]) -> Iterator[Field]:
        """The choice, then the follow-up boxes of the options chosen, or all of them when none
        is (a blank form, as on paper). A box under an option not chosen is empty (forms.model
        refuses one filled in) and would only repeat a label ("Impact of MASE plan so far" is
        one box for each existing variant); one that holds an answer is shown anyway."""
        yield self
        chosen = self.chosen(data.get(self.name))
        for option in self.follow_up_order():
            for box in option.reveal:
                if not chosen or option.value in chosen or data.get(box.name) not in (None, "", []):
                    yield from box.shown(data)


@dataclass(frozen=True)
class YesNo(Choice):
    """A Yes/No question whose follow-up boxes are shown only when Yes (`if_yes`) or No
    (`if_no`) is chosen. `labels` are the option words as printed ("YES / NO", "YES / No")."""

    if_yes: tuple[Field, ...] = ()
    if_no: tuple[Field, ...] = ()
    labels: tuple[str, str] = ("Yes", "No")
    inline: bool = True
    # The paper prints the "(If no)" box before the "(If yes)" one (Spotting the Signs,
    # L2706-2712): documents and the answers page (shown) follow that order.
    no_first: bool = False

    def follow_up_order(self) -> tuple[Option, ...]:
        yes, no = self.options
        return (no, yes) if self.no_first else (yes, no)

    def __post_init__(self) -> None:
        yes, no = self.labels
        options = (Option("yes", yes, reveal=self.if_yes), Option("no", no, reveal=self.if_no))
        object.__setattr__(self, "options", options)

    @property
    def required_message(self) -> str:
        return f"Select yes or no for {self.called}"


@dataclass(frozen=True)
class MultiChoice(Choice):
    """Tick any of the printed options. An `exclusive` option ("None") excludes the others."""

    exclusive: tuple[str, ...] = field(default=())

    def chosen(self, value: Any) -> set[str]:
        return set(value) if isinstance(value, list) else set()

    def clean(self, raw: Any) -> Any:
        if not raw:
            return None
        picked = [raw] if isinstance(raw, str) else list(raw)
        return [o.value for o in self.options if o.value in picked] + [
            p for p in picked if p not in {o.value for o in self.options}
        ]

    def problem(self, value: Any) -> str | None:
        if not set(value) <= {o.value for o in self.options}:
            return f"Select {self.called} from the options given"
        alone = [o for o in self.options if o.value in self.exclusive and o.value in value]
        if alone and len(value) > 1:
            return f"Select \u2018{alone[0].label}\u2019 on its own, or the other options, not both"
        return None
