"""Mixed load on the real server (`cvmaker serve` on loopback, embedded default, fresh data): well-behaved users
with and without two abusers beside them, and a check that no acknowledged update was lost.

Run 1 (`with_abusers`): `clients` signed-in users, each on its own one-page CV, loop over cv queries, updates,
previews, PDF renders and job matches with a short think time, while one abuser floods sign-ins with wrong
passwords and another sends renderCv requests with many aliases (a new design each, so nothing is cached).
Run 2 (`calm`): the same users alone. The abusers connect from 127.0.0.2 and 127.0.0.3, the users from 127.0.0.1,
so the server tells them apart as it would tell machines apart. The script measures whatever the server does
(limits, quotas, scheduling); it asserts nothing, `report["goals"]` says which goals were met.

Every user's update names the version it edits and gives the CV a new title; after both runs each acknowledged
update must be a revision with that title, and the CV must be at the last acknowledged version ("nothing lost").
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.bench.report import percentile
from tests.support.servers import cvmaker_serve

USERS_FROM, FLOOD_FROM, ALIASES_FROM = "127.0.0.1", "127.0.0.2", "127.0.0.3"
ALIASES = (40, 3)  # renderCv fields in the abuser's requests, in turn: far too many, and a few
THINK_SECONDS = (0.05, 0.25)  # a well-behaved client's pause between requests
TIMEOUT = httpx.Timeout(60.0, connect=10.0)
WEIGHTS = {"query": 40, "update": 25, "preview": 10, "render": 10, "match": 15}
VICTIM = "victim@load.test"

CV_QUERY = "query($id: ID!) { cv(id: $id) { id version title } }"
UPDATE = (
    "mutation($id: ID!, $version: Int!, $input: CvInput!) { updateCv(id: $id, version: $version, input: $input) "
    "{ __typename ... on Cv { version title } } }"
)
PREVIEW = "query($id: ID!) { previewCv(cvId: $id) { __typename ... on Preview { pageCount } } }"
RENDER = "mutation($id: ID!) { renderCv(cvId: $id) { __typename ... on RenderedFile { pages } } }"
MATCH = "mutation($cv: ID!, $job: ID!) { matchCv(cvId: $cv, jobId: $job) { __typename ... on Match { score } } }"
CREATE_CV = "mutation($input: CvInput!) { createCv(input: $input) { __typename ... on Cv { id version } } }"
CREATE_JOB = "mutation($input: JobInput!) { createJob(input: $input) { __typename ... on Job { id } } }"
REVISIONS = "query($id: ID!) { cvRevisions(id: $id) { version title } }"
POSTING = (
    "Data analyst. You will build dashboards in Tableau and Power BI, write SQL against our warehouse and "
    "automate reports in Python (pandas). Required: 2+ years of SQL and Python, clear communication. "
    "Preferred: dbt, Airflow, A/B testing, a degree in statistics or economics."
)
SUCCESS = {"update": "Cv", "preview": "Preview", "render": "RenderedFile", "match": "Match"}
FIELD = {"update": "updateCv", "preview": "previewCv", "render": "renderCv", "match": "matchCv"}


@dataclass
class Tally:
    """What one kind of client saw in one run."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    five_xx: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    by_operation: dict[str, list[float]] = field(default_factory=dict)
    outcomes: Counter[str] = field(default_factory=Counter)  # what the answers said, for the abusers
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, operation: str, status: int, ms: float, ok: bool, outcome: str = "") -> None:
        with self.lock:
            if outcome:
                self.outcomes[outcome] += 1
            self.latencies_ms.append(ms)
            self.statuses[status] += 1
            self.by_operation.setdefault(operation, []).append(ms)
            self.errors += not ok
            self.five_xx += status >= 500

    def summary(self) -> dict[str, Any]:
        return {
            "requests": len(self.latencies_ms),
            "errors": self.errors,
            "five_xx": self.five_xx,
            "p50_ms": round(percentile(self.latencies_ms, 50), 1),
            "p99_ms": round(percentile(self.latencies_ms, 99), 1),
            "statuses": {str(code): n for code, n in sorted(self.statuses.items())},
            "by_operation": {
                operation: {
                    "requests": len(times),
                    "p50_ms": round(percentile(times, 50), 1),
                    "p99_ms": round(percentile(times, 99), 1),
                }
                for operation, times in sorted(self.by_operation.items())
            },
            "outcomes": dict(sorted(self.outcomes.items())),
        }


@dataclass
class User:
    email: str
    token: str
    cv_id: str = ""
    job_id: str = ""
    version: int = 1
    acknowledged: dict[int, str] = field(default_factory=dict)  # version -> title, for every update answered Cv


def _client(url: str, source: str, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = httpx.HTTPTransport(local_address=source)
    return httpx.Client(base_url=url, headers=headers, timeout=TIMEOUT, transport=transport)


def _graphql(client: httpx.Client, query: str, variables: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
    status, data, _ = _graphql_answer(client, query, variables)
    return status, data


def _graphql_answer(
    client: httpx.Client, query: str, variables: dict[str, Any]
) -> tuple[int, dict[str, Any] | None, str]:
    """(HTTP status, `data`, the code of the last GraphQL error) of one request; `data` is None on a transport
    failure or GraphQL errors. Status 0 stands for no answer (a timeout or a refused connection)."""
    try:
        response = client.post("/graphql", json={"query": query, "variables": variables})
    except httpx.HTTPError:
        return 0, None, "NO_ANSWER"
    try:
        body = response.json()
    except ValueError:
        return response.status_code, None, "NOT_JSON"
    errors = body.get("errors") if isinstance(body, dict) else None
    if errors:
        codes = [(error.get("extensions") or {}).get("code", "GRAPHQL_ERROR") for error in errors]
        return response.status_code, None, str(codes[-1])
    return response.status_code, body.get("data") if isinstance(body, dict) else None, ""


def _provision(data_dir: Path, emails: list[str]) -> dict[str, str]:
    """Access tokens for `emails`, minted in this process on the server's data folder (as `cvmaker token` does),
    so the sign-up limit per address does not cap the number of clients; and the flood's victim account."""
    from api.composition import build_runtime
    from api.settings import Settings

    accounts, issuer = build_runtime(Settings(data_dir=data_dir, auth="local")).local_sign_in()
    accounts.sign_up(VICTIM, "the victim's own long passphrase")
    tokens = {}
    for email in emails:
        user = accounts.ensure_user(email)
        tokens[email] = issuer.user_tokens(user.sub, user.email).access_token
    return tokens


def _set_up(url: str, user: User) -> None:
    from cvmaker.domain.cv.samples import short_cv

    document = short_cv().to_dict()
    cv_input = {key: document[key] for key in ("title", "basics", "summary", "sections", "design")}
    with _client(url, USERS_FROM, user.token) as client:
        _, created = _graphql(client, CREATE_CV, {"input": cv_input})
        _, job = _graphql(client, CREATE_JOB, {"input": {"title": "Data analyst", "description": POSTING}})
        if not created or not job:
            raise RuntimeError(f"could not set up {user.email}: {created} {job}")
        user.cv_id, user.job_id = created["createCv"]["id"], job["createJob"]["id"]
        user.version = created["createCv"]["version"]
        for operation in ("preview", "render", "match"):  # warm the workers, the model and the caches
            _step(client, user, operation, None)


def _step(client: httpx.Client, user: User, operation: str, tally: Tally | None) -> None:
    variables: dict[str, Any] = {"id": user.cv_id}
    query = {"query": CV_QUERY, "preview": PREVIEW, "render": RENDER}.get(operation, "")
    if operation == "update":
        title = f"{user.email} edit {user.version + 1}"
        query = UPDATE
        variables = {"id": user.cv_id, "version": user.version, "input": {"title": title}}
    elif operation == "match":
        query, variables = MATCH, {"cv": user.cv_id, "job": user.job_id}
    started = time.perf_counter()
    status, data = _graphql(client, query, variables)
    elapsed = (time.perf_counter() - started) * 1000
    if operation == "query":
        ok = bool(data and data["cv"] and data["cv"]["id"] == user.cv_id)
    else:
        result = data[FIELD[operation]] if data else None
        ok = bool(result and result["__typename"] == SUCCESS[operation])
        if operation == "update" and ok and result:
            user.version = result["version"]
            user.acknowledged[user.version] = result["title"]
        elif operation == "update":
            _resync(client, user)  # unanswered or refused: read where the CV stands before editing again
    if tally is not None:
        tally.add(operation, status, elapsed, ok)


def _resync(client: httpx.Client, user: User) -> None:
    _, data = _graphql(client, CV_QUERY, {"id": user.cv_id})
    if data and data["cv"]:
        user.version = data["cv"]["version"]


def _well_behaved(url: str, user: User, tally: Tally, stop: threading.Event, seed: int) -> None:
    chooser = random.Random(seed)
    operations, weights = list(WEIGHTS), list(WEIGHTS.values())
    with _client(url, USERS_FROM, user.token) as client:
        while not stop.is_set():
            _step(client, user, chooser.choices(operations, weights)[0], tally)
            stop.wait(chooser.uniform(*THINK_SECONDS))


def _sign_in_flood(url: str, tally: Tally, stop: threading.Event) -> None:
    with _client(url, FLOOD_FROM) as client:
        attempt = 0
        while not stop.is_set():
            attempt += 1
            started = time.perf_counter()
            try:
                status = client.post("/auth/signin", json={"email": VICTIM, "password": f"guess {attempt}"}).status_code
            except httpx.HTTPError:
                status = 0
            # Refused is what the flood should get; only an answer other than 401 or 429 is an error.
            elapsed = (time.perf_counter() - started) * 1000
            tally.add("signin", status, elapsed, status in (401, 429), str(status))


def _alias_renders(url: str, abuser: User, tally: Tally, stop: threading.Event) -> None:
    with _client(url, ALIASES_FROM, abuser.token) as client:
        batch = 0
        while not stop.is_set():
            batch += 1
            aliases = ALIASES[batch % len(ALIASES)]
            fields = " ".join(
                f'r{n}: renderCv(cvId: $id, design: {{accentColor: "#{(batch * 64 + n) % 0xFFFFFF:06x}"}}) '
                "{ __typename }"
                for n in range(aliases)
            )
            started = time.perf_counter()
            status, data, code = _graphql_answer(client, f"mutation($id: ID!) {{ {fields} }}", {"id": abuser.cv_id})
            kinds = Counter(result["__typename"] for result in (data or {}).values() if result)
            outcome = code or " ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
            # Whether the server renders it all, part of it or refuses it, the abuser's answers are not errors
            # of the service: only 5xx and no answer are.
            elapsed = (time.perf_counter() - started) * 1000
            tally.add(f"aliases x{aliases}", status, elapsed, 0 < status < 500, f"x{aliases}: {outcome}")


def _run(url: str, users: list[User], seconds: float, abuser: User | None) -> dict[str, Any]:
    stop = threading.Event()
    tallies = {"users": Tally(), "sign_in_flood": Tally(), "alias_renders": Tally()}
    threads = [
        threading.Thread(target=_well_behaved, args=(url, user, tallies["users"], stop, n), daemon=True)
        for n, user in enumerate(users)
    ]
    if abuser is not None:
        threads.append(threading.Thread(target=_sign_in_flood, args=(url, tallies["sign_in_flood"], stop)))
        threads.append(threading.Thread(target=_alias_renders, args=(url, abuser, tallies["alias_renders"], stop)))
    for thread in threads:
        thread.start()
    stop.wait(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=TIMEOUT.read or 60)
    run = {"seconds": seconds, **tallies["users"].summary()}
    if abuser is not None:
        run["abusers"] = {name: tallies[name].summary() for name in ("sign_in_flood", "alias_renders")}
    return run


def _lost_updates(url: str, users: list[User]) -> list[str]:
    """Every acknowledged update that is not where it should be, in words (empty when nothing was lost)."""
    lost = []
    for user in users:
        with _client(url, USERS_FROM, user.token) as client:
            _, current = _graphql(client, CV_QUERY, {"id": user.cv_id})
            _, history = _graphql(client, REVISIONS, {"id": user.cv_id})
        if not current or not history or not current["cv"]:
            lost.append(f"{user.email}: the CV or its history could not be read")
            continue
        titles = {revision["version"]: revision["title"] for revision in history["cvRevisions"]}
        titles[current["cv"]["version"]] = current["cv"]["title"]
        lost += [
            f"{user.email}: version {version} ({title!r}) is missing"
            for version, title in user.acknowledged.items()
            if titles.get(version) != title
        ]
        if user.acknowledged and current["cv"]["version"] < max(user.acknowledged):
            lost.append(f"{user.email}: the CV is at version {current['cv']['version']}, behind its last update")
    return lost


def run_load(
    clients: int = 24,
    seconds: float = 30.0,
    calm_seconds: float | None = None,
    *,
    progress: Callable[[str], None] = lambda line: None,
) -> dict[str, Any]:
    """Starts the server, runs both runs, checks for lost updates, stops the server; returns the report."""
    calm_seconds = seconds if calm_seconds is None else calm_seconds
    with tempfile.TemporaryDirectory(prefix="cvmaker-load-") as folder:
        data_dir = Path(folder) / "data"
        emails = [f"user{n}@load.test" for n in range(clients)] + ["aliases@load.test"]
        tokens = _provision(data_dir, emails)
        with (Path(folder) / "serve.log").open("wb") as log, cvmaker_serve(data_dir, {}, log) as url:
            progress(f"server at {url}; setting up {clients} users")
            users = [User(email, tokens[email]) for email in emails]
            setups = [threading.Thread(target=_set_up, args=(url, user)) for user in users]
            _set_up(url, users[0])  # the first one alone: it starts the workers and loads the model
            for thread in setups[1:]:
                thread.start()
            for thread in setups[1:]:
                thread.join()
            well_behaved, abuser = users[:-1], users[-1]
            if any(not user.cv_id for user in users):
                raise RuntimeError("setting up the users failed; see the messages above")
            progress(f"run 1: {clients} users and two abusers for {seconds:g} s")
            with_abusers = _run(url, well_behaved, seconds, abuser)
            progress(f"run 2: {clients} users alone for {calm_seconds:g} s")
            calm = _run(url, well_behaved, calm_seconds, None)
            lost = _lost_updates(url, well_behaved)
    ratio = with_abusers["p99_ms"] / calm["p99_ms"] if calm["p99_ms"] else float("nan")
    five_xx = with_abusers["five_xx"] + calm["five_xx"]
    five_xx += sum(tally["five_xx"] for tally in with_abusers["abusers"].values())
    return {
        "config": {"clients": clients, "seconds": seconds, "calm_seconds": calm_seconds, "aliases": ALIASES},
        "runs": {"with_abusers": with_abusers, "calm": calm},
        "p99_ratio": round(ratio, 2),
        "five_xx": five_xx,
        "updates_acknowledged": sum(len(user.acknowledged) for user in well_behaved),
        "lost": lost,
        "nothing_lost": not lost,
        "goals": {"no_5xx": five_xx == 0, "p99_within_2x": ratio <= 2.0, "nothing_lost": not lost},
    }


def table(report: dict[str, Any]) -> str:
    """The report as a plain-text table, for people."""
    from tests.bench.report import table as render_table

    rows = []
    for name, run in report["runs"].items():
        rows.append({"who": f"users ({name})", **{k: run[k] for k in ("requests", "errors", "five_xx")}})
        rows[-1].update(p50_ms=run["p50_ms"], p99_ms=run["p99_ms"], answers=_words(run["statuses"]))
        for abuser, tally in run.get("abusers", {}).items():
            rows.append({"who": f"  {abuser}", **{k: tally[k] for k in ("requests", "errors", "five_xx")}})
            rows[-1].update(p50_ms=tally["p50_ms"], p99_ms=tally["p99_ms"], answers=_words(tally["outcomes"]))
    lines = [render_table(rows, ["who", "requests", "errors", "five_xx", "p50_ms", "p99_ms", "answers"]), ""]
    per_operation = [
        {"run": name, "operation": operation, **figures}
        for name, run in report["runs"].items()
        for operation, figures in run["by_operation"].items()
    ]
    lines += [render_table(per_operation, ["run", "operation", "requests", "p50_ms", "p99_ms"]), ""]
    lines.append(
        f"p99 with abusers / calm: {report['p99_ratio']} (goal <= 2); 5xx: {report['five_xx']} (goal 0); "
        f"updates acknowledged: {report['updates_acknowledged']}; nothing lost: {report['nothing_lost']}"
    )
    lines += [f"  lost: {line}" for line in report["lost"]]
    return "\n".join(lines)


def _words(counts: dict[str, int]) -> str:
    return "; ".join(f"{key}: {n}" for key, n in counts.items())
