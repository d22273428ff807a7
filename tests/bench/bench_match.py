"""Job matching benchmark: ranking quality, `matchCv` latency and vector query latency, in one run.

    uv run python -m tests.bench.bench_match [--jobs ../shared/eval/jobs]   (also part of `make bench`)

1. Ranking: the 11 real postings in `shared/eval/jobs` are saved for one user with ten CVs of seven professions
   written here (software, data, design, user research, hardware, product/program management, security). For
   each CV, `rank_jobs` must put a job of the CV's own profession first. Target: >= 95% of CVs.
2. `match` latency with embeddings cached (every CV against every job, after one warm-up pass): p50, p99.
   Target: p50 <= 100 ms.
3. Vector search: top-10 over 10,000 and 100,000 random unit vectors of 384 numbers, the local index against
   plain numpy brute force (full matrix product and sort) on the same data. Target: <= 5 ms at 100,000.
Everything runs offline: the MiniLM embedder, SQLite in memory, the rules writer.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.report import percentile, write

JOB_PROFESSIONS = {
    "job01": "data",
    "job02": "software",
    "job03": "software",
    "job04": "software",
    "job05": "data",
    "job06": "management",
    "job07": "design",
    "job08": "research",
    "job09": "hardware",
    "job10": "management",
    "job11": "security",
}


def role(title: str, org: str, start: str, end: str | None, bullets: list[str]) -> dict[str, Any]:
    return {
        "title": title,
        "organization": org,
        "startDate": start,
        "endDate": end,
        "current": end is None,
        "bullets": bullets,
    }


def cv(
    title: str,
    name: str,
    headline: str,
    summary: str,
    roles: list[dict[str, Any]],
    degree: str,
    school: str,
    skills: dict[str, list[str]],
) -> dict[str, Any]:
    return {
        "title": title,
        "basics": {"name": name, "headline": headline},
        "summary": summary,
        "sections": [
            {"kind": "EXPERIENCE", "items": roles},
            {"kind": "EDUCATION", "items": [{"title": degree, "organization": school, "endDate": "2012"}]},
            {"kind": "SKILLS", "items": [{"title": k, "keywords": v} for k, v in skills.items()]},
        ],
    }


# Ten CVs written for this benchmark (fictional people), in the words CVs use, not the postings'.
PROFESSION_CVS: list[tuple[str, dict[str, Any]]] = [
    (
        "software",
        cv(
            "Backend",
            "Sam Okafor",
            "Backend Software Engineer",
            "Backend engineer who designs and runs web services and APIs.",
            [
                role(
                    "Software Engineer",
                    "Northwind Traders",
                    "2019-02",
                    None,
                    [
                        "Built REST APIs in C# and .NET for the order platform",
                        "Moved batch jobs to Azure Functions and cut costs",
                        "Reviewed code and wrote unit tests for every feature",
                    ],
                ),
                role(
                    "Junior Developer",
                    "Tailspin Toys",
                    "2016-06",
                    "2019-01",
                    ["Wrote SQL queries and stored procedures", "Fixed defects in a React front end"],
                ),
            ],
            "BSc Computer Science",
            "University of Manchester",
            {"Languages": ["C#", "TypeScript", "SQL", "Python"], "Platforms": ["Azure", "Docker", "Git", "Kubernetes"]},
        ),
    ),
    (
        "software",
        cv(
            "SRE",
            "Lena Fischer",
            "Site Reliability Engineer",
            "Engineer keeping large distributed systems fast and available.",
            [
                role(
                    "Site Reliability Engineer",
                    "Fabrikam Cloud",
                    "2017-03",
                    None,
                    [
                        "Ran on-call for services handling millions of requests a day",
                        "Automated deployments with CI/CD pipelines and Terraform",
                        "Led postmortems and capacity planning for storage clusters",
                    ],
                ),
                role(
                    "Systems Engineer",
                    "Contoso Hosting",
                    "2013-09",
                    "2017-02",
                    [
                        "Administered Linux servers and wrote Python tooling",
                        "Debugged performance problems in Java services",
                    ],
                ),
            ],
            "BEng Computer Engineering",
            "TU Munich",
            {"Skills": ["Linux", "Python", "Go", "Java", "Kubernetes", "Prometheus", "Terraform"]},
        ),
    ),
    (
        "data",
        cv(
            "Data scientist",
            "Priya Raman",
            "Data Scientist",
            "Data scientist building machine learning models that ship to production.",
            [
                role(
                    "Senior Data Scientist",
                    "Woodgrove Bank",
                    "2016-01",
                    None,
                    [
                        "Trained deep learning models for fraud detection with PyTorch",
                        "Built NLP pipelines over customer messages on Spark",
                        "Designed experiments and explained results to executives",
                    ],
                ),
                role(
                    "Data Scientist",
                    "Litware",
                    "2012-07",
                    "2015-12",
                    ["Built forecasting models in Python and R", "Cleaned and joined large data sets in SQL"],
                ),
            ],
            "MSc Statistics",
            "University of Edinburgh",
            {"Skills": ["Python", "Machine learning", "Deep learning", "SQL", "Spark", "Statistics"]},
        ),
    ),
    (
        "data",
        cv(
            "Analyst",
            "Tom Reyes",
            "Data Analyst",
            "Analyst turning marketing and sales data into decisions.",
            [
                role(
                    "Marketing Data Analyst",
                    "Adventure Works",
                    "2018-04",
                    None,
                    [
                        "Built Power BI dashboards for campaign performance",
                        "Wrote SQL to model the customer funnel and churn",
                        "Presented insights on pipeline and revenue to sales leaders",
                    ],
                ),
                role(
                    "Business Analyst",
                    "Proseware",
                    "2015-01",
                    "2018-03",
                    ["Analysed CRM data in Excel and SQL", "Reported KPIs to stakeholders every month"],
                ),
            ],
            "BA Economics",
            "University of Leeds",
            {"Skills": ["SQL", "Power BI", "Excel", "Data analysis", "Data visualization", "Tableau"]},
        ),
    ),
    (
        "design",
        cv(
            "Designer",
            "Mia Laurent",
            "Product Designer",
            "Designer of clear, usable interfaces for web and mobile products.",
            [
                role(
                    "Senior Product Designer",
                    "Fourth Coffee",
                    "2017-05",
                    None,
                    [
                        "Designed the mobile app's interaction and visual design",
                        "Built and maintained the design system in Figma",
                        "Made prototypes and wireframes and tested them with users",
                    ],
                ),
                role(
                    "Graphic Designer",
                    "Lucerne Publishing",
                    "2013-02",
                    "2017-04",
                    ["Produced layouts, typography and illustrations for print and web"],
                ),
            ],
            "BA Graphic Design",
            "Central Saint Martins",
            {"Tools": ["Figma", "Sketch", "Adobe Illustrator", "Prototyping", "HTML", "CSS"]},
        ),
    ),
    (
        "research",
        cv(
            "Researcher",
            "Noah Kim",
            "UX Researcher",
            "Researcher who studies how people use technology and turns it into product direction.",
            [
                role(
                    "UX Researcher",
                    "Alpine Ski House",
                    "2018-08",
                    None,
                    [
                        "Ran usability testing and interviews for a hardware device",
                        "Led ethnographic field studies and contextual inquiry",
                        "Synthesised qualitative and quantitative research into insights",
                    ],
                ),
                role(
                    "Research Assistant",
                    "Human Factors Lab",
                    "2015-09",
                    "2018-07",
                    ["Designed surveys and ran experiments with participants"],
                ),
            ],
            "MSc Human-Computer Interaction",
            "Carnegie Mellon University",
            {"Methods": ["User research", "Usability testing", "Surveys", "Ethnography", "Prototyping"]},
        ),
    ),
    (
        "hardware",
        cv(
            "FPGA",
            "Ivan Petrov",
            "FPGA Engineer",
            "Hardware engineer accelerating software on FPGAs.",
            [
                role(
                    "Senior FPGA Engineer",
                    "Coho Semiconductors",
                    "2014-01",
                    None,
                    [
                        "Designed RTL in Verilog and SystemVerilog for network accelerators",
                        "Used high-level synthesis to port C++ kernels to FPGAs",
                        "Verified designs in simulation and debugged boards in the lab",
                    ],
                ),
                role(
                    "Hardware Engineer",
                    "Wide World Importers",
                    "2010-06",
                    "2013-12",
                    ["Wrote VHDL for signal processing blocks", "Wrote C drivers for embedded systems"],
                ),
            ],
            "MSc Electrical Engineering",
            "ETH Zurich",
            {"Skills": ["Verilog", "VHDL", "FPGA", "C++", "C", "OpenCL", "High-level synthesis"]},
        ),
    ),
    (
        "management",
        cv(
            "Product manager",
            "Grace Liu",
            "Product Manager",
            "Product manager who takes products from idea to market.",
            [
                role(
                    "Senior Product Manager",
                    "Contoso Software",
                    "2016-03",
                    None,
                    [
                        "Owned the product roadmap and strategy for a business application",
                        "Worked with engineering, design and sales to launch features",
                        "Defined OKRs and tracked adoption with customers",
                    ],
                ),
                role(
                    "Business Development Manager",
                    "Litware",
                    "2012-01",
                    "2016-02",
                    ["Built partnerships and negotiated deals", "Ran market research and competitive analysis"],
                ),
            ],
            "MBA",
            "INSEAD",
            {"Skills": ["Product management", "Product strategy", "Market research", "Negotiation"]},
        ),
    ),
    (
        "management",
        cv(
            "Program manager",
            "Omar Haddad",
            "Technical Program Manager",
            "Program manager for cloud infrastructure programs.",
            [
                role(
                    "Senior Program Manager",
                    "Fabrikam Networks",
                    "2015-06",
                    None,
                    [
                        "Ran programs for virtual networking features across engineering teams",
                        "Wrote specifications and managed releases with customers",
                        "Reported KPIs and risks to leadership",
                    ],
                ),
                role(
                    "Network Engineer",
                    "Contoso Telecom",
                    "2010-09",
                    "2015-05",
                    ["Designed enterprise networks and network security"],
                ),
            ],
            "BSc Computer Science",
            "University of Toronto",
            {"Skills": ["Program management", "Azure", "Network security", "Release management"]},
        ),
    ),
    (
        "security",
        cv(
            "Security",
            "Ana Costa",
            "Security Incident Manager",
            "Security professional leading incident response for cloud services.",
            [
                role(
                    "Security Incident Manager",
                    "Woodgrove Security",
                    "2017-01",
                    None,
                    [
                        "Led incident response for security incidents across cloud services",
                        "Coordinated engineering teams and communications during incidents",
                        "Wrote post-incident reports and improved runbooks",
                    ],
                ),
                role(
                    "Security Analyst",
                    "Proseware SOC",
                    "2013-05",
                    "2016-12",
                    ["Monitored SIEM alerts and triaged threats", "Performed digital forensics on hosts"],
                ),
            ],
            "BSc Information Security",
            "University of Porto",
            {"Skills": ["Incident management", "SIEM", "Threat intelligence", "Digital forensics"]},
        ),
    ),
]


def read_job(path: Path) -> tuple[str, str]:
    head, body = path.read_text(encoding="utf-8").split("---", 1)
    title = next(line[len("Title:") :].strip() for line in head.splitlines() if line.startswith("Title:"))
    return title, body.strip()


def build_services() -> Any:
    from cvmaker.adapters.matching.local_vector_index import LocalVectorIndex
    from cvmaker.adapters.matching.minilm_embedder import MiniLmEmbedder
    from cvmaker.adapters.matching.rules_writer import RulesWriter
    from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
    from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
    from cvmaker.adapters.storage.sqlite_jobs import SqliteJobRepository
    from cvmaker.services.cvs import CvService
    from cvmaker.services.jobs import JobService
    from cvmaker.services.matching import CachedEmbedder, MatchingService

    database = SqliteDatabase(":memory:")
    cvs = CvService(SqliteCvRepository(database))
    jobs = JobService(SqliteJobRepository(database), RulesWriter())
    clock = lambda: datetime(2026, 11, 24, tzinfo=UTC)
    matching = MatchingService(cvs, jobs, CachedEmbedder(MiniLmEmbedder()), LocalVectorIndex(384), clock=clock)
    return cvs, jobs, matching


def bench_ranking(jobs_dir: Path) -> dict[str, Any]:
    cvs, jobs, matching = build_services()
    owner = "bench"
    profession_of_job: dict[str, str] = {}
    for path in sorted(jobs_dir.glob("job*.txt")):
        title, body = read_job(path)
        job = jobs.create(owner, title, "Microsoft", body)
        profession_of_job[job.id] = JOB_PROFESSIONS[path.stem]
    created = [(profession, cvs.create(owner, document)) for profession, document in PROFESSION_CVS]
    rows = []
    for profession, saved in created:
        ranked = matching.rank_jobs(owner, saved.id, first=20)
        first_own = next(i for i, r in enumerate(ranked) if profession_of_job[r.job.id] == profession)
        best_other = next(r.score for r in ranked if profession_of_job[r.job.id] != profession)
        rows.append(
            {
                "cv": saved.title,
                "profession": profession,
                "top_job": ranked[0].job.title,
                "top_score": ranked[0].score,
                "own_rank": first_own + 1,
                "margin": round(ranked[first_own].score - best_other, 1),
            }
        )
    right = sum(r["own_rank"] == 1 for r in rows)

    pairs = [(saved.id, job_id) for _, saved in created for job_id in profession_of_job]
    for cv_id, job_id in pairs:  # warm-up: every embedding computed once
        matching.match(owner, cv_id, job_id)
    timings = []
    for cv_id, job_id in pairs:
        started = time.perf_counter()
        matching.match(owner, cv_id, job_id)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "rows": rows,
        "right_first": right,
        "cvs": len(rows),
        "share": right / len(rows),
        "mrr": round(sum(1 / r["own_rank"] for r in rows) / len(rows), 3),
        "match_ms": {
            "p50": round(percentile(timings, 50), 2),
            "p99": round(percentile(timings, 99), 2),
            "runs": len(timings),
        },
    }


def bench_vectors(sizes: tuple[int, ...] = (10_000, 100_000), queries: int = 200) -> dict[str, Any]:
    import numpy as np

    from cvmaker.adapters.matching.local_vector_index import LocalVectorIndex
    from cvmaker.ports import VectorRecord

    rng = np.random.default_rng(7)
    results = {}
    for size in sizes:
        data = rng.standard_normal((size, 384)).astype(np.float32)
        data /= np.linalg.norm(data, axis=1, keepdims=True)
        index = LocalVectorIndex(384)
        index.upsert("bench", [VectorRecord(f"v{i:06d}", data[i], {"cv_id": f"cv{i % 100}"}) for i in range(size)])
        probes = rng.standard_normal((queries, 384)).astype(np.float32)
        local, brute, filtered = [], [], []
        agree = 0
        for probe in probes:
            started = time.perf_counter()
            hits = index.query("bench", probe, 10)
            local.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            unit = probe / np.linalg.norm(probe)
            order = np.argsort(-(data @ unit))[:10]
            brute.append((time.perf_counter() - started) * 1000)
            agree += [h.id for h in hits] == [f"v{i:06d}" for i in order]
            started = time.perf_counter()
            index.query("bench", probe, 10, {"cv_id": "cv3"})
            filtered.append((time.perf_counter() - started) * 1000)
        results[str(size)] = {
            "local_p50_ms": round(percentile(local, 50), 3),
            "local_p99_ms": round(percentile(local, 99), 3),
            "brute_p50_ms": round(percentile(brute, 50), 3),
            "brute_p99_ms": round(percentile(brute, 99), 3),
            "filtered_by_cv_p50_ms": round(percentile(filtered, 50), 3),
            "same_top10_as_brute_force": f"{agree}/{queries}",
        }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=Path, default=ROOT.parent / "shared" / "eval" / "jobs")
    args = parser.parse_args()
    ranking = bench_ranking(args.jobs)
    print("Ranking: does each CV rank a job of its own profession first?")
    for row in ranking["rows"]:
        mark = "ok " if row["own_rank"] == 1 else "MISS"
        print(
            f"  {mark} {row['cv']:<16} {row['profession']:<11} top: {row['top_job']:<40} "
            f"{row['top_score']:5.1f}  own profession at #{row['own_rank']}, "
            f"{row['margin']:+.1f} over the best other profession"
        )
    print(
        f"  right first: {ranking['right_first']}/{ranking['cvs']} ({ranking['share']:.0%}, target >= 95%), "
        f"MRR {ranking['mrr']}"
    )
    timing = ranking["match_ms"]
    print(
        f"matchCv, embeddings cached: p50 {timing['p50']} ms, p99 {timing['p99']} ms over {timing['runs']} runs "
        "(target p50 <= 100 ms)"
    )
    vectors = bench_vectors()
    for size, row in vectors.items():
        print(
            f"top-10 over {int(size):,} x 384: local index p50 {row['local_p50_ms']} ms (p99 "
            f"{row['local_p99_ms']}), numpy brute force p50 {row['brute_p50_ms']} ms (p99 {row['brute_p99_ms']}), "
            f"filtered by CV p50 {row['filtered_by_cv_p50_ms']} ms, same top-10: {row['same_top10_as_brute_force']}"
        )
    path = write(
        "match", ranking["rows"], {"ranking": {k: v for k, v in ranking.items() if k != "rows"}, "vectors": vectors}
    )
    print(f"written: {path.relative_to(ROOT)}")
    timing_met = timing["p50"] <= 100 and vectors["100000"]["local_p50_ms"] <= 5
    print("latency targets met" if timing_met else "latency targets NOT met (on this run's machine load)")
    # Ranking quality is deterministic, so it alone decides the exit status; latency depends on the machine.
    return 0 if ranking["share"] >= 0.95 else 1


if __name__ == "__main__":
    raise SystemExit(main())
