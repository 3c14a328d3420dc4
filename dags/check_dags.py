#!/usr/bin/env python3
"""Checks the Airflow DAGs of this folder without Airflow (standard library only).

Airflow cannot be installed on the build machine (no Python package index), so this is what CI
can check, and it is said plainly in the README:

1. every DAG file compiles (as ``py_compile`` does, without writing ``.pyc`` files);
2. static rules, on the syntax tree: each DAG sets ``schedule``, ``start_date``, ``catchup`` and
   ``retries`` (in ``default_args``); nothing uses ``schedule_interval``, ``execution_date`` or
   SLA arguments (gone in Airflow 3); no ``datetime.now()``-like call and no heavy work
   (subprocess, network, Airflow Variables, Spark) at module level;
3. the file is executed against a small recording stand-in for the Airflow API it uses (DAG,
   TaskGroup, SparkSubmitOperator, ``>>``), which gives the real tasks and edges the file builds:
   task ids are unique, every spark-submit task runs a command of the stage catalog with
   ``--run-date {{ ds }}``, and the nightly DAG has exactly one task per catalog stage with the
   catalog's dependencies, no more, no fewer.

The stand-in checks structure, not Airflow's own validation (operator arguments, connections):
that needs a real Airflow, at deployment.

Usage: ``python3 dags/check_dags.py [--dags DIR] [--catalog FILE] [--live-catalog FILE]``.
``--live-catalog`` is the output of ``datapilot stages --json``; the copy next to the DAGs must
equal it. Exit code 0 when every check passes, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import sys
import time
import types
from pathlib import Path

NIGHTLY = "datapilot_nightly"
CATALOG_FILE = "datapilot_stages.json"
NOT_DAG_FILES = {"check_dags.py"}
# catalog groups drawn as Airflow task groups; the other groups (gate, report, governance) are single tasks
TASK_GROUPS = {"data", "preparation", "analysis"}
# commands that are not stages but checks or maintenance a scheduler runs after a stage (the stage they read or
# must follow): they fail the task, and so call the failure callback, when what they check or do fails
CHECK_COMMANDS = {"check-commitments": "governance", "retention": "report"}
FORBIDDEN_NAMES = {
    "schedule_interval": "use schedule= (schedule_interval was removed in Airflow 3)",
    "execution_date": "use {{ ds }} or logical_date (execution_date was removed in Airflow 3)",
    "sla": "SLAs were removed in Airflow 3; use a callback",
    "sla_miss_callback": "SLAs were removed in Airflow 3; use a callback",
}
CLOCK_CALLS = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
               ("pendulum", "now"), ("pendulum", "today"), ("time", "time")}
HEAVY_CALLS = {("subprocess", None), ("requests", None), ("urllib", "urlopen"), ("Variable", "get"),
               ("SparkSession", None), ("os", "system"), ("socket", None), ("time", "sleep")}
HEAVY_IMPORTS = {"pyspark", "pandas", "requests", "sqlalchemy", "psycopg2"}
IMPORT_SECONDS = 2.0


# --- a recording stand-in for the part of the Airflow API the DAGs use --------------------------

class Recorder:
    """What executing the DAG files built: DAGs, their tasks and edges."""

    def __init__(self) -> None:
        self.dags: list[FakeDag] = []
        self.dag_stack: list[FakeDag] = []
        self.group_stack: list[str] = []


RECORDER = Recorder()


class DuplicateTaskId(Exception):
    pass


class FakeDag:
    def __init__(self, dag_id=None, **kwargs) -> None:
        self.dag_id = dag_id if dag_id is not None else kwargs.get("dag_id")
        self.kwargs = kwargs
        self.tasks: dict[str, FakeOperator] = {}
        RECORDER.dags.append(self)

    def __enter__(self):
        RECORDER.dag_stack.append(self)
        return self

    def __exit__(self, *exc):
        RECORDER.dag_stack.pop()
        return False


class FakeTaskGroup:
    def __init__(self, group_id=None, **kwargs) -> None:
        self.group_id = group_id

    def __enter__(self):
        RECORDER.group_stack.append(self.group_id)
        return self

    def __exit__(self, *exc):
        RECORDER.group_stack.pop()
        return False


class FakeOperator:
    def __init__(self, task_id, dag=None, task_group=None, **kwargs) -> None:
        self.dag = dag or (RECORDER.dag_stack[-1] if RECORDER.dag_stack else None)
        if self.dag is None:
            raise RuntimeError(f"task {task_id} is created outside a DAG")
        groups = [task_group.group_id] if task_group is not None else list(RECORDER.group_stack)
        self.task_id = ".".join([*groups, task_id])
        self.group = groups[-1] if groups else None
        self.kwargs = kwargs
        self.downstream: set[str] = set()
        if self.task_id in self.dag.tasks:
            raise DuplicateTaskId(f"task id {self.task_id} is used twice in DAG {self.dag.dag_id}")
        self.dag.tasks[self.task_id] = self

    def __rshift__(self, other):
        for task in other if isinstance(other, (list, tuple)) else [other]:
            self.downstream.add(task.task_id)
        return other

    def __lshift__(self, other):
        for task in other if isinstance(other, (list, tuple)) else [other]:
            task.downstream.add(self.task_id)
        return other

    def __rrshift__(self, other):
        self.__lshift__(other)
        return self

    def __rlshift__(self, other):
        self.__rshift__(other)
        return self


class FakeSparkSubmitOperator(FakeOperator):
    pass


def install_stand_in() -> None:
    """Puts the stand-in modules in sys.modules under Airflow's import paths (2.9+ and 3.x)."""
    def module(name: str, **members) -> None:
        created = types.ModuleType(name)
        created.__dict__.update(members)
        created.__path__ = []  # a package, so that submodules import
        sys.modules[name] = created

    module("airflow", DAG=FakeDag)
    module("airflow.sdk", DAG=FakeDag, TaskGroup=FakeTaskGroup)
    module("airflow.utils")
    module("airflow.utils.task_group", TaskGroup=FakeTaskGroup)
    module("airflow.providers")
    module("airflow.providers.apache")
    module("airflow.providers.apache.spark")
    module("airflow.providers.apache.spark.operators")
    module("airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=FakeSparkSubmitOperator)


# --- static rules ----------------------------------------------------------------------------

def _call_name(node: ast.Call) -> tuple[str | None, str | None]:
    function = node.func
    if isinstance(function, ast.Attribute):
        owner = function.value
        while isinstance(owner, ast.Attribute):
            owner = owner.value
        return (owner.id if isinstance(owner, ast.Name) else None), function.attr
    if isinstance(function, ast.Name):
        return function.id, None
    return None, None


def _module_level_nodes(tree: ast.Module):
    """Every node run when the file is imported: not inside a function or lambda body."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _dict_keys(node: ast.AST, assignments: dict[str, ast.AST]) -> set[str]:
    if isinstance(node, ast.Name) and node.id in assignments:
        node = assignments[node.id]
    if isinstance(node, ast.Dict):
        return {key.value for key in node.keys if isinstance(key, ast.Constant)}
    if isinstance(node, ast.Call) and _call_name(node) == ("dict", None):
        return {keyword.arg for keyword in node.keywords if keyword.arg}
    return set()


def static_problems(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    problems = []
    name = path.name
    for forbidden, advice in FORBIDDEN_NAMES.items():
        for node in ast.walk(tree):
            used = (isinstance(node, ast.keyword) and node.arg == forbidden) \
                or (isinstance(node, ast.Name) and node.id == forbidden) \
                or (isinstance(node, ast.Attribute) and node.attr == forbidden) \
                or (isinstance(node, ast.Constant) and isinstance(node.value, str) and forbidden != "sla"
                    and forbidden in node.value)
            if used:
                problems.append(f"{name}:{node.lineno}: uses {forbidden}: {advice}")
                break
    assignments = {target.id: node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                   for target in node.targets if isinstance(target, ast.Name)}
    dags = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and _call_name(node)[0] == "DAG"]
    if not dags:
        problems.append(f"{name}: no DAG(...) found")
    for dag in dags:
        keywords = {keyword.arg: keyword.value for keyword in dag.keywords}
        label = f"{name}:{dag.lineno}: DAG"
        for required in ("schedule", "start_date", "catchup"):
            if required not in keywords:
                problems.append(f"{label} sets no {required}=; set it explicitly (the defaults differ between"
                                f" Airflow 2 and 3)")
        if "start_date" in keywords and isinstance(keywords["start_date"], ast.Call) \
                and _call_name(keywords["start_date"]) in CLOCK_CALLS:
            problems.append(f"{label} start_date moves with the clock; use a fixed date")
        if "retries" not in _dict_keys(keywords.get("default_args"), assignments):
            problems.append(f"{label} has no retries in default_args; add retries and retry_delay")
    for node in _module_level_nodes(tree):
        if isinstance(node, ast.Call):
            owner, attribute = _call_name(node)
            if (owner, attribute) in CLOCK_CALLS or (attribute, None) in {("now", None)}:
                problems.append(f"{name}:{node.lineno}: {owner}.{attribute}() runs when the scheduler parses the file;"
                                " use the run's logical date ({{ ds }}) instead")
            if (owner, None) in HEAVY_CALLS or (owner, attribute) in HEAVY_CALLS:
                problems.append(f"{name}:{node.lineno}: {owner}.{attribute or ''}(...) at module level is heavy work at"
                                " every parse of the file; move it into a task or a callback")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in modules:
                if module.split(".")[0] in HEAVY_IMPORTS:
                    problems.append(f"{name}:{node.lineno}: imports {module} at module level; import it inside the"
                                    " task that needs it")
    return problems


# --- the graph ---------------------------------------------------------------------------------

def load_dags(path: Path) -> tuple[list[FakeDag], float]:
    install_stand_in()
    before = len(RECORDER.dags)
    started = time.perf_counter()
    spec = importlib.util.spec_from_file_location(f"dag_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return RECORDER.dags[before:], time.perf_counter() - started


def _stage_of(task: FakeOperator, commands: dict[str, str]) -> str | None:
    arguments = task.kwargs.get("application_args") or []
    return commands.get(arguments[0]) if arguments else None


def graph_problems(dags: list[FakeDag], catalog: list[dict], name: str) -> list[str]:
    problems = []
    commands = {stage["command"]: stage["name"] for stage in catalog}
    catalog_groups = {stage["name"]: stage["group"] for stage in catalog}
    for dag in dags:
        label = f"{name}: DAG {dag.dag_id}"
        stage_tasks: dict[str, list[str]] = {}
        for task in dag.tasks.values():
            if not isinstance(task, FakeSparkSubmitOperator):
                continue
            arguments = [str(argument) for argument in task.kwargs.get("application_args") or []]
            stage = _stage_of(task, commands)
            if stage is None and arguments[:1] and arguments[0] in CHECK_COMMANDS:
                problems += _check_task_problems(dag, task, arguments, label, commands)
                continue
            if stage is None:
                problems.append(f"{label}: task {task.task_id} runs `datapilot {' '.join(arguments[:1])}`, which is not"
                                f" a command of the stage catalog ({', '.join(sorted(commands))})")
                continue
            stage_tasks.setdefault(stage, []).append(task.task_id)
            group = catalog_groups[stage] if catalog_groups[stage] in TASK_GROUPS else None
            if dag.dag_id == NIGHTLY and task.group != group:
                problems.append(f"{label}: task {task.task_id} is in task group {task.group or '(none)'}; the catalog puts stage"
                                f" {stage} in {group or 'no task group'}")
            if "--run-date" not in arguments or arguments[arguments.index("--run-date") + 1:][:1] != ["{{ ds }}"]:
                problems.append(f"{label}: task {task.task_id} does not pass --run-date {{{{ ds }}}}: a retry or rerun"
                                " must replace its own run date")
            if "--config" not in arguments:
                problems.append(f"{label}: task {task.task_id} does not pass --config")
        if dag.dag_id != NIGHTLY:
            continue
        for stage in catalog:
            tasks = stage_tasks.get(stage["name"], [])
            if not tasks:
                problems.append(f"{label}: stage {stage['name']} of the catalog has no task; add"
                                f" stage_task(\"{stage['name']}\") (its group: {stage['group']})")
            elif len(tasks) > 1:
                problems.append(f"{label}: stage {stage['name']} has {len(tasks)} tasks ({', '.join(tasks)}); one is"
                                " expected")
        task_stage = {task_id: stage for stage, ids in stage_tasks.items() for task_id in ids}
        actual = {(task_stage[task.task_id], task_stage[downstream]) for task in dag.tasks.values()
                  if task.task_id in task_stage for downstream in task.downstream if downstream in task_stage}
        expected = {(upstream, stage["name"]) for stage in catalog for upstream in stage["depends_on"]
                    if stage["name"] in stage_tasks and upstream in stage_tasks}
        for upstream, downstream in sorted(expected - actual):
            problems.append(f"{label}: the catalog runs {downstream} after {upstream}, the DAG does not")
        for upstream, downstream in sorted(actual - expected):
            problems.append(f"{label}: the DAG runs {downstream} after {upstream}, the catalog does not"
                            f" (declare it in the stage's depends_on, or remove the edge)")
        problems += _cycle_problems(dag, label)
    return problems


def _check_task_problems(dag: FakeDag, task: FakeOperator, arguments: list[str], label: str,
                         commands: dict[str, str]) -> list[str]:
    """A check task passes the config and the run date and runs after the stage whose tables it reads."""
    problems = []
    after = CHECK_COMMANDS[arguments[0]]
    if "--run-date" not in arguments or arguments[arguments.index("--run-date") + 1:][:1] != ["{{ ds }}"]:
        problems.append(f"{label}: task {task.task_id} does not pass --run-date {{{{ ds }}}}: it must check its own run date")
    if "--config" not in arguments:
        problems.append(f"{label}: task {task.task_id} does not pass --config")
    upstream = [other.task_id for other in dag.tasks.values() if task.task_id in other.downstream
                and isinstance(other, FakeSparkSubmitOperator) and _stage_of(other, commands) == after]
    if not upstream:
        problems.append(f"{label}: task {task.task_id} runs `datapilot {arguments[0]}` but not after the {after} stage's"
                        f" task, whose tables it reads")
    return problems


def _cycle_problems(dag: FakeDag, label: str) -> list[str]:
    state: dict[str, int] = {}

    def visit(task_id: str) -> bool:
        state[task_id] = 1
        for downstream in dag.tasks[task_id].downstream:
            if state.get(downstream) == 1 or (state.get(downstream) is None and visit(downstream)):
                return True
        state[task_id] = 2
        return False

    for task_id in dag.tasks:
        if state.get(task_id) is None and visit(task_id):
            return [f"{label}: its dependencies form a cycle through {task_id}"]
    return []


# --- main --------------------------------------------------------------------------------------

def check(dags_folder: Path, catalog_file: Path, live_catalog: Path | None = None) -> list[str]:
    problems = []
    catalog = json.loads(catalog_file.read_text(encoding="utf-8"))
    if live_catalog is not None:
        live = json.loads(live_catalog.read_text(encoding="utf-8"))
        if live != catalog:
            problems.append(f"{catalog_file} differs from the stage catalog of the code: regenerate it with"
                            f" `scripts/datapilot stages --json > {catalog_file}`")
            catalog = live
    files = sorted(path for path in dags_folder.glob("*.py") if path.name not in NOT_DAG_FILES)
    if not files:
        problems.append(f"{dags_folder}: no DAG file")
    nightly_found = False
    for path in files:
        try:  # what py_compile does, without writing a .pyc next to the DAG
            compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
        except SyntaxError as error:
            problems.append(f"{path.name}:{error.lineno}: does not compile: {error.msg}")
            continue
        problems += static_problems(path)
        try:
            dags, seconds = load_dags(path)
        except Exception as error:  # an import error in Airflow too
            problems.append(f"{path.name}: fails when imported: {type(error).__name__}: {error}")
            continue
        if seconds > IMPORT_SECONDS:
            problems.append(f"{path.name}: takes {seconds:.1f} s to import (limit {IMPORT_SECONDS} s): too much work at"
                            " module level")
        nightly_found |= any(dag.dag_id == NIGHTLY for dag in dags)
        problems += graph_problems(dags, catalog, path.name)
    if not nightly_found:
        problems.append(f"{dags_folder}: no DAG with dag_id {NIGHTLY}")
    return problems


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description="Check the Airflow DAGs against the stage catalog, without Airflow.")
    parser.add_argument("--dags", type=Path, default=here)
    parser.add_argument("--catalog", type=Path, default=None, help=f"default: <dags>/{CATALOG_FILE}")
    parser.add_argument("--live-catalog", type=Path, default=None, help="output of `datapilot stages --json`")
    arguments = parser.parse_args(argv)
    problems = check(arguments.dags, arguments.catalog or arguments.dags / CATALOG_FILE, arguments.live_catalog)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"DAG checks: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"DAG checks: every DAG in {arguments.dags} passes (compiled, static rules, graph = stage catalog)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
