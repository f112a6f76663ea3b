"""The contract between stages: personas, journeys, evidence and results, as plain dataclasses.

gather writes StepEvidence and JourneyEvidence, judge StepResult, JourneyResult and RunResult,
which report renders. results.json carries SCHEMA: bump it only when a key changes meaning
or disappears (new keys keep it). Each version's changes: docs/architecture.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from auditor.model_page import (  # noqa: F401  (part of this contract, imported from here)
    AXE_IMPACTS,
    AxeViolation,
    ConsentBox,
    FormFacts,
    FormOutcome,
    Hearing,
    KeyboardUse,
    PageFacts,
    ProductFacts,
    SearchOutcome,
)

SCHEMA = "journey-auditor/2"
EMOTIONS = ("angry", "sad", "neutral", "happy", "excited")
STAGES = ("awareness", "consideration", "purchase", "retention", "advocacy")
EMOJI = {"angry": "😠", "sad": "😟", "neutral": "😐", "happy": "🙂", "excited": "🤩"}
AUDITOR_LOST = "auditor-lost"  # a journey's outcome where the auditor found no control it needed
KEYBOARD = "keyboard"  # a persona's navigation: Tab, Enter, Space, arrows, Escape; never a pointer
SCREEN_READER = "screen-reader"  # keys only, and only what the accessibility tree says
NAVIGATION = ("pointer", KEYBOARD, SCREEN_READER)  # a mouse or finger, keys, or keys and ears


@dataclass(frozen=True)
class Device:
    """What the persona holds: viewport, touch, and the browser it claims to be."""

    name: str = "desktop"
    width: int = 1280
    height: int = 800
    touch: bool = False
    mobile: bool = False
    scale: float = 1.0
    user_agent: str | None = None


@dataclass(frozen=True)
class Network:
    """Emulated network; latency_ms 0 and no throughput means the machine's own."""

    name: str = "unthrottled"
    latency_ms: float = 0
    download_kbps: float = 0
    upload_kbps: float = 0


@dataclass(frozen=True)
class Mistake:
    """A slip the persona makes while typing: which field, what kind, how many times."""

    field: str = "cc-number"
    kind: str = "drop-digit"
    times: int = 1
    fallback_fields: tuple[str, ...] = ("tel", "postal-code")


@dataclass(frozen=True)
class Persona:
    """A fictional, data-shaped customer: who, on what device, how patient."""

    id: str
    name: str
    story: str = ""
    goal: str = ""
    pronoun: str = "they"
    motivations: tuple[str, ...] = ()
    pain_points: tuple[str, ...] = ()
    device: Device = Device()
    network: Network = Network()
    cpu_slowdown: float = 1.0
    patience_fine_ms: float = 1000
    patience_poor_ms: float = 4000
    tolerance: float = 4.0
    typing_ms_per_key: float = 60
    mistakes: tuple[Mistake, ...] = ()
    guest: bool = True
    consent: str = "reject"  # her answer to a cookie box: the privacy-friendly one by default
    navigation: str = "pointer"  # one of NAVIGATION

    @property
    def keyboard_only(self) -> bool:
        return self.navigation in (KEYBOARD, SCREEN_READER)

    @property
    def possessive(self) -> str:
        return {"she": "her", "he": "his"}.get(self.pronoun, "their")

    @property
    def moves(self) -> str:
        """How she moves through a page, in a reader's words ("" for a mouse or a finger)."""
        return {KEYBOARD: "keys only", SCREEN_READER: "a screen reader and the keys"}.get(
            self.navigation, "")

    @property
    def listens(self) -> bool:
        """She knows the page only as her screen reader says it: roles and names."""
        return self.navigation == SCREEN_READER


@dataclass(frozen=True)
class StepSpec:
    """One step of a journey as written in a scenario: an action, its human name, its stage."""

    action: str
    name: str
    stage: str = "consideration"
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def attempts(self) -> int:
        """How often the step may be tried (a refused order is tried again)."""
        return int(self.params.get("attempts", 1))

    def named(self, attempt: int = 1) -> str:
        """The name the step is reported under: a retry carries its attempt."""
        return self.name if attempt == 1 else f"{self.name} (attempt {attempt})"


@dataclass(frozen=True)
class Journey:
    """What a persona sets out to do on a store, step by step."""

    persona: Persona
    steps: tuple[StepSpec, ...]
    inputs: dict[str, Any] = field(default_factory=dict)


@dataclass
class StepEvidence:
    """Everything gathered for one step, before any judgement."""

    index: int
    name: str
    stage: str
    action: str
    status: str = "ok"
    error: str | None = None
    url: str = ""
    navigation: str = "none"
    http_status: int | None = None
    wait_ms: float = 0
    typing_ms: float = 0
    duration_ms: float = 0  # the persona's whole time on the step: waits, typing and look
    metrics: dict[str, Any] = field(default_factory=dict)
    search: SearchOutcome | None = None
    form: FormOutcome | None = None
    http_errors: list[dict[str, Any]] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page: PageFacts = field(default_factory=PageFacts)
    found: dict[str, Any] = field(default_factory=dict)
    screenshot: str | None = None
    filmstrip: list[dict[str, Any]] = field(default_factory=list)  # [{at_ms, path}]: a long wait
    # What happened in the step, beyond the page.
    unreachable: bool = False  # the store could not be reached at all
    off_site: str | None = None  # the host the step ended on, when not the store's
    crashed: bool = False  # the tab's renderer died
    dialogs: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    order_number: str | None = None  # shown on the confirmation page
    order_placed: bool = False  # the page confirmed the order, with a number or without
    results_before: int | None = None  # products listed before a filter
    results_after: int | None = None
    slip_in: str | None = None  # the field the persona mistyped in this step
    fields_typed: int | None = None
    retyped: list[str] = field(default_factory=list)
    returned_to_product_ms: int | None = None
    checkout_fields: list[dict[str, Any]] = field(default_factory=list)
    traceback: str | None = None  # an action's own error, for bug reports
    lost: bool = False  # failed: the auditor could not find what it needs (the tool's failure)
    not_offered: str | None = None  # status "not-offered": the finding about the store
    chose: str | None = None  # what she chose from the store, and why, when no input fit
    moment: bool = False  # a moment of truth: where the journey is won or lost
    touchpoint: str = ""  # where she met the store, in a journey map's words (auditor.actions)
    expected: str = "happy"  # the emotion the team expects here (the ideal journey)
    effort: list[str] = field(default_factory=list)  # presses on the way: opened, answered
    consent: ConsentBox | None = None  # a cookie box she met on this step
    asked_again: list[str] = field(default_factory=list)  # signed in, typed what she holds
    axe: list[AxeViolation] | None = None  # axe-core on the page she looked at (None: not run)
    keyboard: KeyboardUse | None = None  # how a keyboard-only persona reached the controls
    heard: Hearing | None = None  # what a screen-reader persona's screen reader said

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StepEvidence:
        ev = {k: v for k, v in d.items() if k in {f.name for f in fields(cls)}}
        ev["search"] = SearchOutcome(**d["search"]) if d.get("search") else None
        ev["form"] = FormOutcome(**d["form"]) if d.get("form") else None
        ev["consent"] = ConsentBox(**d["consent"]) if d.get("consent") else None
        ev["keyboard"] = KeyboardUse(**d["keyboard"]) if d.get("keyboard") else None
        ev["heard"] = Hearing(**d["heard"]) if d.get("heard") else None
        if d.get("axe") is not None:
            ev["axe"] = [AxeViolation(**v) for v in d["axe"]]
        ev["page"] = PageFacts.from_dict(d.get("page") or {})
        return cls(**ev)


@dataclass
class JourneyEvidence:
    """One walk of a journey on a store: its steps' evidence, before any judgement."""

    persona: Persona
    site: str
    steps: list[StepEvidence] = field(default_factory=list)
    duration_ms: float = 0
    label: str = ""
    interrupted: bool = False  # Ctrl-C or SIGTERM stopped the walk
    competitor: bool = False  # walked on the store it is compared with, not the audited one
    notes: list[str] = field(default_factory=list)  # of how it was measured (a remote browser)


@dataclass
class Finding:
    id: str
    severity: str
    message: str
    reference: str = ""


@dataclass
class StepResult:
    """A step judged for its persona: score, emotion, reasons and findings."""

    evidence: StepEvidence
    score: int
    emotion: str
    reasons: list[str]
    findings: list[Finding]
    frustration: float
    after_dropoff: bool = False
    caused_by: int | None = None  # an earlier failed step on the same page, the root cause

    def to_dict(self) -> dict[str, Any]:
        ev = asdict(self.evidence)
        return {
            "index": ev.pop("index"), "name": ev.pop("name"), "stage": ev.pop("stage"),
            "url": ev.pop("url"), "status": ev.pop("status"),
            "after_dropoff": self.after_dropoff, "emotion": self.emotion, "score": self.score,
            "wait_ms": round(ev.pop("wait_ms")), "metrics": ev.pop("metrics"),
            "search": ev.pop("search"), "form": ev.pop("form"), "reasons": self.reasons,
            "findings": [asdict(f) for f in self.findings], "screenshot": ev.pop("screenshot"),
            "frustration": round(self.frustration, 2), "caused_by": self.caused_by, **ev,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StepResult:
        return cls(StepEvidence.from_dict(d), d["score"], d["emotion"], d.get("reasons", []),
                   [Finding(**f) for f in d.get("findings", [])], d.get("frustration", 0),
                   d.get("after_dropoff", False), d.get("caused_by"))


@dataclass
class JourneyResult:
    persona: Persona
    site: str
    outcome: str
    abandoned_at: int | None
    reason: str
    score: int
    steps: list[StepResult]
    duration_ms: float = 0
    label: str = ""
    run_scores: list[int] = field(default_factory=list)
    interrupted: bool = False
    competitor: bool = False  # the store compared with (--compare), for context only
    unreachable: bool = False  # the store could not be reached: nothing to judge
    apdex: float | None = None  # of the steps she lived, T = her fine wait (a cross-check)

    @property
    def key(self) -> str:  # what tells this journey apart in a run: its store and persona
        return f"{self.label or self.site}/{self.persona.id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "persona": self.persona.id, "site": self.site, "label": self.label,
            "outcome": self.outcome, "abandoned_at": self.abandoned_at, "reason": self.reason,
            "score": self.score, "duration_ms": round(self.duration_ms),
            "run_scores": self.run_scores, "interrupted": self.interrupted,
            "competitor": self.competitor, "unreachable": self.unreachable, "apdex": self.apdex,
            "persona_traits": asdict(self.persona),
            "steps": [s.to_dict() for s in self.steps],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> JourneyResult:
        return cls(persona_from_dict(d["persona_traits"]), d["site"], d["outcome"],
                   d.get("abandoned_at"), d.get("reason", ""), d["score"],
                   [StepResult.from_dict(s) for s in d["steps"]], d.get("duration_ms", 0),
                   d.get("label", ""), d.get("run_scores", []), d.get("interrupted", False),
                   d.get("competitor", False), d.get("unreachable", False), d.get("apdex"))


@dataclass
class Recommendation:
    title: str
    impact: float
    personas: list[str]
    steps: list[str]
    finding: str = ""
    severity: str = "minor"
    reference: str = ""
    evidence: str = ""  # where the time went, for a slow page: the server's or the page's


@dataclass
class GateFailure:
    """A budget rule that did not hold: which rule, where, what was measured and expected."""

    rule: str
    where: str
    measured: str
    expected: str
    journey: str = ""  # the journey it holds: "<site label or URL>/<persona id>"
    step: int | None = None  # the step's index, for a rule on steps
    cause: str = ""  # the finding behind a failed step (e.g. form-cleared), if any


@dataclass
class RunResult:
    tool_version: str
    started_at: str
    finished_at: str
    journeys: list[JourneyResult]
    recommendations: list[Recommendation] = field(default_factory=list)
    gates: list[GateFailure] = field(default_factory=list)
    incomplete: bool = False
    comparison: list[dict[str, Any]] | None = None
    notes: list[str] = field(default_factory=list)
    browser: str = ""  # the program and version that measured, e.g. "chromium 156.0.8078.114"
    history: dict[str, Any] | None = None  # per journey key: earlier runs, what changed since
    shard: dict[str, Any] | None = None  # --shard: this run's part of a whole (see shard.py)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA, "tool_version": self.tool_version, "browser": self.browser,
            "started_at": self.started_at, "finished_at": self.finished_at,
            "incomplete": self.incomplete,
            "journeys": [j.to_dict() for j in self.journeys],
            "recommendations": [asdict(r) for r in self.recommendations],
            "gates": [asdict(g) for g in self.gates],
            "comparison": self.comparison, "notes": self.notes, "history": self.history,
            **({"shard": self.shard} if self.shard else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RunResult:
        return cls(d["tool_version"], d["started_at"], d["finished_at"],
                   [JourneyResult.from_dict(j) for j in d["journeys"]],
                   [Recommendation(**r) for r in d.get("recommendations", [])],
                   [GateFailure(**g) for g in d.get("gates", [])],
                   d.get("incomplete", False), d.get("comparison"), d.get("notes", []),
                   d.get("browser", ""), d.get("history"), d.get("shard"))


def persona_from_dict(d: dict[str, Any]) -> Persona:
    """Rebuild a Persona from its JSON form (tuples and nested dataclasses restored)."""
    d = dict(d)
    d["device"], d["network"] = Device(**d.get("device", {})), Network(**d.get("network", {}))
    d["mistakes"] = tuple(Mistake(**{**m, "fallback_fields": tuple(m.get("fallback_fields", ()))})
                          for m in d.get("mistakes", ()))
    d.update({key: tuple(d.get(key, ())) for key in ("motivations", "pain_points")})
    return Persona(**d)

