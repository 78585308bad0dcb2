"""Running a sweep: tasks, results streamed to disk as they finish, resume after a crash.

A sweep directory holds::

    sweep.toml                 the sweep file as given (a resumed sweep must match it)
    base_scenario.toml         the base scenario, fully resolved
    design.parquet             one row per design point: the varied parameters' values
    national/<run>.parquet     per run: one row per month (model level)
    municipalities/<run>.parquet  per run: one row per month and municipality
    manifest.jsonl             one line per finished or failed run: point, replication, seed,
                               parameters, status, duration, provenance
    provenance.json            versions and the time the sweep was created

A run's two files are written under a temporary name and renamed when complete, national last;
the manifest line of a done run records each file's size, rows and SHA-256. Running the same
command again verifies every run it would skip: both files present, readable Parquet with the
expected rows, and (where the manifest has them) the same size and checksum. A run that fails
the check is deleted, re-run and reported. A manifest line cut off by a kill (no newline at its
end, or not JSON) is dropped and the manifest rewritten atomically, and a line that the kill
prevented (the files were renamed, the line not yet written) is added. A run is never counted
twice.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import shutil
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import mesa
import numpy as np
import pandas as pd
import tomli_w

from ..run import SUMMARY_FROM_YEAR, run
from ..scenario import Problem, load_scenario_text
from .executors import CONNECT_TIMEOUT_S, make_executor
from .spec import SweepError, SweepSpec, build_sweep_spec, count_runs, load_sweep_spec

KEYS = ["seed", "date", "year", "month"]


@dataclass(frozen=True)
class Task:
    run_id: str
    point: int
    replication: int
    seed: int
    values: dict[str, Any]
    scenario_toml: str
    indicators: tuple[str, ...]


def run_task(task: Task) -> dict[str, Any]:
    """One run of a sweep, as a worker does it. Errors come back as data, not exceptions."""
    started = time.perf_counter()
    try:
        # Only the indicators the sweep keeps are collected (faster; no value changes).
        result = run(load_scenario_text(task.scenario_toml, task.run_id), seed=task.seed,
                     indicators=task.indicators)
        cols = KEYS + list(task.indicators)
        national = result.national[cols].assign(run_id=task.run_id)
        local = result.indicators[KEYS + ["municipality", "municipality_id",
                                          *task.indicators]].assign(run_id=task.run_id)
        return {"run_id": task.run_id, "national": national, "municipalities": local,
                "seconds": time.perf_counter() - started, "worker": platform.node()
                + f":{os.getpid()}"}
    except Exception:  # noqa: BLE001 - reported per run, the sweep goes on
        return {"run_id": task.run_id, "error": traceback.format_exc(limit=5),
                "seconds": time.perf_counter() - started}


def tasks_for(spec: SweepSpec) -> list[Task]:
    seeds = spec.seeds
    tasks = []
    for point, values, scenario in spec.run_scenarios():
        text = scenario.to_toml()
        for r, seed in enumerate(seeds):
            tasks.append(Task(f"p{point:05d}-r{r:03d}", point, r, seed, values, text,
                              spec.indicators))
    return tasks


@dataclass
class SweepReport:
    out: Path
    total: int
    skipped: int
    done: int
    failed: list[tuple[str, str]]
    seconds: float
    repaired: list[tuple[str, str]] = field(default_factory=list)  # (run, what was wrong)


def sweep(spec: SweepSpec | str | Path, out: str | Path, workers: int = 1,
          scheduler: str | None = None, executor: str | None = None, retries: int = 1,
          progress: Callable[[int, int], None] | None = None,
          verify_checksums: bool = False,
          scheduler_timeout_s: float = CONNECT_TIMEOUT_S) -> SweepReport:
    """Run (or resume) a sweep into ``out``. Returns what was done; see :func:`load_sweep`.
    A ``scheduler`` that does not answer within ``scheduler_timeout_s`` is refused.
    Runs already done are verified before they are skipped (:func:`verify_run`; with
    ``verify_checksums`` every byte against its SHA-256)."""
    if not isinstance(spec, SweepSpec):
        spec = load_sweep_spec(spec)
    out = Path(out)
    tasks = tasks_for(spec)  # validates every design point before any run starts
    check_resources(spec, out, workers if not scheduler else 1)
    # Where the runs happen is settled (a scheduler reached) before the folder is touched.
    ex = make_executor(workers, scheduler, executor, scheduler_timeout_s)
    try:
        _prepare(out, spec)
        done, repaired = _reconcile(out, {t.run_id: t for t in tasks}, _expected_rows(spec),
                                    verify_checksums)
    except BaseException:
        ex.close()
        raise
    todo = [t for t in tasks if t.run_id not in done]
    started = time.perf_counter()
    failed: dict[str, str] = {}
    completed = 0
    if progress:
        progress(0, len(todo))
    if not todo:
        ex.close()
    else:
        try:
            for attempt in range(retries + 1):
                batch = todo if attempt == 0 else [t for t in todo if t.run_id in failed]
                if not batch:
                    break
                by_id = {t.run_id: t for t in batch}
                for res in ex.map_unordered(run_task, batch):
                    task = by_id[res["run_id"]]
                    if "error" in res:
                        failed[task.run_id] = res["error"]
                        _append_manifest(out, _entry(task, "failed", res))
                        continue
                    failed.pop(task.run_id, None)
                    _write_run(out, task, res)
                    completed += 1
                    if progress:
                        progress(completed, len(todo))
        finally:
            ex.close()
    return SweepReport(out, len(tasks), len(tasks) - len(todo), completed,
                       sorted(failed.items()), time.perf_counter() - started, repaired)


# Bytes one run's files take at most, per row and kept column (float64 values, before Parquet's
# compression, which the estimate leaves as margin).
BYTES_PER_CELL = 8


def estimate_disk(spec: SweepSpec) -> int:
    """Upper bound of the bytes a sweep's run files take."""
    national, local = _expected_rows(spec)
    columns = len(spec.indicators) + len(KEYS) + 3
    return count_runs_of(spec) * (national + local) * columns * BYTES_PER_CELL


def count_runs_of(spec: SweepSpec) -> int:
    grid = [len(f.values) if f.values else spec.levels for f in spec.factors]
    return count_runs(spec.design, len(spec.factors), spec.samples, spec.levels,
                      spec.replications, grid)


def check_resources(spec: SweepSpec, out: Path, workers: int) -> None:
    """Refuse a sweep whose runs would not fit: memory per worker, disk for the results."""
    from ..run import available_memory, estimate_memory

    need = estimate_memory(spec.base) * max(workers, 1)
    have = available_memory()
    if need > have:
        fits = max(int(have // estimate_memory(spec.base)), 0)
        raise SweepError([Problem("--workers", workers,
                                  f"at most {fits} worker(s) for this base scenario: each run "
                                  f"needs about {estimate_memory(spec.base) / 2**30:.1f} GiB and "
                                  f"{have / 2**30:.1f} GiB is available")], spec.source)
    disk = estimate_disk(spec)
    probe = out
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        return
    if disk > free:
        raise SweepError([Problem("--out", str(out),
                                  f"a folder with room for the results: about "
                                  f"{disk / 2**30:.1f} GiB at most, {free / 2**30:.1f} GiB "
                                  "free there")], spec.source)


def _expected_rows(spec: SweepSpec) -> tuple[int, int]:
    """Rows of a run's national and municipality files."""
    base = spec.base
    months = 12 * (base["end_year"] - base["start_year"] + 1)
    municipalities = len(base.municipalities) or base["municipalities"]
    return months, months * municipalities


def _prepare(out: Path, spec: SweepSpec) -> None:
    sweep_file = out / "sweep.toml"
    text = tomli_w.dumps(spec.raw)
    if sweep_file.exists():
        if sweep_file.read_text(encoding="utf-8") != text:
            raise SweepError([Problem("--out", str(out), "an empty folder, or the folder of this "
                                      "same sweep (it holds a different sweep.toml)")], str(out))
    else:
        out.mkdir(parents=True, exist_ok=True)
        _atomic_write_text(out / "base_scenario.toml", spec.base.to_toml())
        design = pd.DataFrame(spec.design_matrix()).rename_axis("point").reset_index()
        tmp = out / ".tmp-design.parquet"
        design.to_parquet(tmp, index=False)
        os.replace(tmp, out / "design.parquet")
        _atomic_write_text(out / "provenance.json", json.dumps({
            "sweep": spec.name, "transitiesim_version": version("transitiesim"),
            "mesa_version": mesa.__version__, "numpy_version": np.__version__,
            "python_version": platform.python_version(),
            "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
            "seeds": spec.seeds}, indent=2))
        _atomic_write_text(sweep_file, text)  # last: its presence marks a prepared folder
    for sub in ("national", "municipalities"):
        (out / sub).mkdir(exist_ok=True)
        for stale in (out / sub).glob(".tmp-*"):  # runs in flight when a sweep was killed
            stale.unlink()


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".tmp-{path.name}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


SUBFOLDERS = ("municipalities", "national")  # national last: it marks the run as done


def file_record(path: Path, checksum: bool = True) -> dict[str, Any]:
    """Size, rows (from the Parquet footer) and, with ``checksum``, the SHA-256 of a run file,
    as the manifest keeps them."""
    import pyarrow.parquet as pq

    record = {"bytes": path.stat().st_size, "rows": pq.read_metadata(path).num_rows}
    if checksum:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        record["sha256"] = digest.hexdigest()
    return record


def verify_run(out: Path, run_id: str, expected_rows: tuple[int, int],
               recorded: dict[str, Any] | None, checksums: bool = False) -> str | None:
    """None if both files of a run are whole; otherwise what is wrong with them.

    Always: both files present, a readable Parquet footer, the rows the period and
    municipalities give, and the size the manifest recorded (a cut, emptied or half-written
    file fails here; this reads only the footers). With ``checksums`` also the SHA-256, which
    reads every byte (``transitiesim sweep --verify-checksums``)."""
    for sub, rows in zip(SUBFOLDERS, expected_rows[::-1], strict=True):
        path = out / sub / f"{run_id}.parquet"
        if not path.is_file():
            return f"{sub}/{path.name} is missing"
        try:
            found = file_record(path, checksum=checksums)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a bad file
            return f"{sub}/{path.name} is not readable Parquet ({exc.__class__.__name__})"
        if found["rows"] != rows:
            return f"{sub}/{path.name} has {found['rows']} rows, not {rows}"
        want = (recorded or {}).get(sub)
        if not isinstance(want, dict):
            continue
        if want.get("bytes") != found["bytes"]:
            return f"{sub}/{path.name} has {found['bytes']:,} bytes, the manifest says " \
                   f"{want.get('bytes')}"
        if checksums and want.get("sha256") != found["sha256"]:
            return f"{sub}/{path.name} differs from the checksum in the manifest"
    return None


def _reconcile(out: Path, tasks: dict[str, Task], expected_rows: tuple[int, int],
               checksums: bool = False) -> tuple[set[str], list[tuple[str, str]]]:
    """Runs already done and whole. Damaged runs are deleted (to be run again) and listed; the
    manifest is rewritten without cut-off lines and gets the lines a kill prevented."""
    entries = read_manifest(out, repair=True)
    recorded = {e["run_id"]: e.get("files") for e in entries if e["status"] == "done"}
    done, repaired = set(), []
    for path in sorted((out / "national").glob("*.parquet")):
        run_id = path.stem
        if run_id not in tasks:
            continue
        problem = verify_run(out, run_id, expected_rows, recorded.get(run_id), checksums)
        if problem:
            for sub in SUBFOLDERS:
                (out / sub / f"{run_id}.parquet").unlink(missing_ok=True)
            repaired.append((run_id, problem))
            continue
        done.add(run_id)
        if run_id not in recorded:
            _append_manifest(out, _entry(tasks[run_id], "done", {
                "seconds": None, "worker": "recovered", "files": _records(out, run_id)}))
    return done, repaired


def _records(out: Path, run_id: str) -> dict[str, Any]:
    return {sub: file_record(out / sub / f"{run_id}.parquet") for sub in SUBFOLDERS}


def _write_run(out: Path, task: Task, res: dict[str, Any]) -> None:
    """Both files under a temporary name, renamed when whole, national last; their record
    (size, rows, SHA-256) is taken from the bytes written, and checked on resume, so a file
    a crash left unflushed is found and run again (no fsync per file needed)."""
    files = {}
    for sub in SUBFOLDERS:
        buffer = io.BytesIO()
        res[sub].to_parquet(buffer, index=False)
        data = buffer.getvalue()
        tmp = out / sub / f".tmp-{task.run_id}.parquet"
        tmp.write_bytes(data)
        os.replace(tmp, out / sub / f"{task.run_id}.parquet")
        files[sub] = {"bytes": len(data), "rows": len(res[sub]),
                      "sha256": hashlib.sha256(data).hexdigest()}
    _append_manifest(out, _entry(task, "done", {**res, "files": files}))


def _entry(task: Task, status: str, res: dict[str, Any]) -> dict[str, Any]:
    entry = {"run_id": task.run_id, "point": task.point, "replication": task.replication,
             "seed": task.seed, "params": task.values, "status": status,
             "seconds": res.get("seconds"), "worker": res.get("worker"),
             "finished_utc": datetime.now(UTC).isoformat(timespec="seconds")}
    if status == "failed":
        entry["error"] = res.get("error")
    if res.get("files"):
        entry["files"] = res["files"]
    return entry


def _append_manifest(out: Path, entry: dict[str, Any]) -> None:
    """One whole line per write, flushed to disk; a line a kill cuts off is repaired on the
    next start (see :func:`read_manifest`)."""
    with open(out / "manifest.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(entry, default=float) + "\n")
        f.flush()
        os.fsync(f.fileno())


_ENTRY_TYPES = {"run_id": str, "point": int, "replication": int, "status": str, "params": dict}


def _valid_entry(entry: Any) -> bool:
    return isinstance(entry, dict) and all(
        isinstance(entry.get(k), t) for k, t in _ENTRY_TYPES.items()) and entry["status"] in (
        "done", "failed")


def read_manifest(out: Path, repair: bool = False) -> list[dict[str, Any]]:
    """The manifest's whole lines. A line without its newline (cut off by a kill), or that is
    not a manifest entry, is left out; with ``repair`` the file is rewritten (atomically)
    without them, so the next line is not glued to a broken one."""
    path = Path(out) / "manifest.jsonl"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = text.split("\n")
    whole, entries = lines[:-1], []  # the part after the last newline is not a whole line
    kept = []
    for line in whole:
        try:
            entry = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            continue
        if _valid_entry(entry):
            entries.append(entry)
            kept.append(line)
    if repair and (lines[-1] or len(kept) != len(whole)):
        _atomic_write_text(path, "".join(line + "\n" for line in kept))
    return entries


@dataclass
class SweepResults:
    """A sweep's results as pandas tables; model level and municipality level kept apart."""

    spec: SweepSpec
    design: pd.DataFrame  # one row per design point
    runs: pd.DataFrame  # one row per finished run: point, replication, seed, parameters
    national: pd.DataFrame  # model level: one row per run and month
    municipalities: pd.DataFrame  # one row per run, month and municipality
    damaged: list[tuple[str, str]] = field(default_factory=list)  # runs whose files fail checks

    def outcomes(self, indicator: str, from_year: int = SUMMARY_FROM_YEAR) -> pd.DataFrame:
        """Per design point: the parameters and the indicator's monthly mean from ``from_year``,
        averaged over replications."""
        from .analysis import outcomes

        return outcomes(self, indicator, from_year)


def _read_runs(out: Path, sub: str, ids: list[str]) -> pd.DataFrame:
    tables = []
    for run_id in ids:
        path = out / sub / f"{run_id}.parquet"
        try:
            tables.append(pd.read_parquet(path))
        except Exception as exc:  # noqa: BLE001 - damaged data pages behind a whole footer
            raise SweepError([Problem(f"{sub}/{run_id}.parquet", str(path),
                                      f"a readable run file ({exc.__class__.__name__}); run "
                                      "the sweep again with --verify-checksums to repair it")],
                             str(out)) from None
    return pd.concat(tables, ignore_index=True) if tables else pd.DataFrame()


def load_sweep(out: str | Path) -> SweepResults:
    """A sweep folder's results: only runs whose files pass :func:`verify_run` count; damaged
    ones are listed in ``damaged`` (running the sweep command again repairs them)."""
    from ..scenario import parse_toml, read_text_file

    out = Path(out)
    try:
        is_sweep = (out / "sweep.toml").is_file() and (out / "design.parquet").is_file()
    except (OSError, ValueError):
        is_sweep = False
    if not is_sweep:
        raise SweepError([Problem("folder", str(out), "a sweep folder (with sweep.toml and "
                                  "design.parquet, made by 'transitiesim sweep')")], str(out))
    raw = parse_toml(read_text_file(out / "sweep.toml", str(out), SweepError), str(out),
                     SweepError)
    # The base as it was when the sweep started (the original may have moved or changed).
    spec = build_sweep_spec({**raw, "scenario": "base_scenario.toml"},
                            str(out / "sweep.toml"), base_dir=out)
    try:
        design = pd.read_parquet(out / "design.parquet")
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a bad file
        raise SweepError([Problem("design.parquet", str(out / "design.parquet"),
                                  f"a readable Parquet file ({exc.__class__.__name__})")],
                         str(out)) from None
    entries = {}
    for e in read_manifest(out):
        if e["status"] == "done" or e["run_id"] not in entries:
            entries[e["run_id"]] = e
    expected = _expected_rows(spec)
    good, damaged = [], []
    for e in sorted(entries.values(), key=lambda e: e["run_id"]):
        if e["status"] != "done":
            continue
        problem = verify_run(out, e["run_id"], expected, e.get("files"))
        if problem:
            damaged.append((e["run_id"], problem))
        else:
            good.append(e)
    runs = pd.DataFrame([{k: v for k, v in e.items() if k not in ("params", "files")}
                         | e["params"] for e in good])
    ids = [e["run_id"] for e in good]
    national = _read_runs(out, "national", ids)
    local = _read_runs(out, "municipalities", ids)
    return SweepResults(spec, design, runs, national, local, damaged)
