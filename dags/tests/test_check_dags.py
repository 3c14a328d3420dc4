"""The DAG checks pass on the real DAG and fail, with a clear line, on each kind of mismatch.

Run: python3 -m unittest discover -s dags/tests
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

DAGS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(DAGS))

import check_dags  # noqa: E402

NIGHTLY = DAGS / "datapilot_nightly.py"
CATALOG = DAGS / check_dags.CATALOG_FILE


class DagChecksTest(unittest.TestCase):
    def setUp(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="dag-checks-"))
        self.addCleanup(shutil.rmtree, self.folder)
        shutil.copy(CATALOG, self.folder / check_dags.CATALOG_FILE)

    def nightly(self, *replacements: tuple[str, str]) -> None:
        """Writes the real nightly DAG, changed by each (old, new) replacement, into the test folder."""
        text = NIGHTLY.read_text(encoding="utf-8")
        for old, new in replacements:
            self.assertIn(old, text, "the test no longer matches the DAG file")
            text = text.replace(old, new, 1)
        (self.folder / NIGHTLY.name).write_text(text, encoding="utf-8")

    def catalog(self) -> list[dict]:
        return json.loads((self.folder / check_dags.CATALOG_FILE).read_text(encoding="utf-8"))

    def write_catalog(self, stages: list[dict]) -> None:
        (self.folder / check_dags.CATALOG_FILE).write_text(json.dumps(stages), encoding="utf-8")

    def problems(self, live: list[dict] | None = None) -> list[str]:
        live_file = None
        if live is not None:
            live_file = self.folder / "live.json"
            live_file.write_text(json.dumps(live), encoding="utf-8")
        return check_dags.check(self.folder, self.folder / check_dags.CATALOG_FILE, live_file)

    def assertProblem(self, fragment: str, problems: list[str]) -> None:
        self.assertTrue(any(fragment in problem for problem in problems), f"no problem with {fragment!r} in {problems}")

    def test_the_real_dags_pass(self) -> None:
        self.assertEqual([], check_dags.check(DAGS, CATALOG))
        self.assertEqual(0, check_dags.main(["--dags", str(DAGS)]))

    def test_every_catalog_stage_has_a_task_and_the_real_graph_is_recorded(self) -> None:
        dags, _ = check_dags.load_dags(NIGHTLY)
        (nightly,) = [dag for dag in dags if dag.dag_id == check_dags.NIGHTLY]
        stages = [stage["name"] for stage in json.loads(CATALOG.read_text(encoding="utf-8"))]
        # one task per stage, and the commitments check after the governance stage
        self.assertEqual(len(stages) + 2, len(nightly.tasks))  # + check_commitments and retention
        self.assertIn("check_commitments", nightly.tasks["governance"].downstream)
        self.assertIn("retention", nightly.tasks["report"].downstream)
        self.assertIn("data.ingest", nightly.tasks)
        self.assertIn("data.profile", nightly.tasks["data.ingest"].downstream)

    def test_a_catalog_stage_without_a_task_fails(self) -> None:
        self.nightly()
        stages = self.catalog()
        stages.append({"name": "archive", "group": "governance", "description": "archive the run", "command": "archive",
                       "options": ["--config", "--run-date"], "depends_on": ["report"], "inputs": [], "outputs": []})
        self.write_catalog(stages)
        self.assertProblem("stage archive of the catalog has no task", self.problems())

    def test_a_stale_copy_of_the_catalog_fails(self) -> None:
        self.nightly()
        live = self.catalog()
        live[-1]["depends_on"] = ["ingest"]
        self.assertProblem("differs from the stage catalog of the code", self.problems(live))

    def test_a_task_missing_from_the_dag_fails(self) -> None:
        self.nightly(('    stage_task("quality_gate")\n', ""))
        self.assertProblem("stage quality_gate of the catalog has no task", self.problems())

    def test_an_edge_the_catalog_does_not_have_fails(self) -> None:
        self.nightly(("            if upstream in TASKS:\n", "            if upstream in TASKS:\n"
                      "                TASKS['ingest'] >> TASKS['quality_gate']\n"))
        self.assertProblem("the DAG runs quality_gate after ingest, the catalog does not", self.problems())

    def test_a_missing_edge_fails(self) -> None:
        self.nightly(("                TASKS[upstream] >> stage_operator", "                pass"))
        problems = self.problems()
        self.assertProblem("the catalog runs profile after ingest, the DAG does not", problems)
        self.assertProblem("the catalog runs quality_gate after profile, the DAG does not", problems)

    def test_a_command_that_is_not_in_the_catalog_fails(self) -> None:
        self.nightly(('    stage_task("quality_gate")\n', '    stage_task("quality_gate")\n    SparkSubmitOperator('
                      'task_id="export", application=JAR, application_args=["export", "--run-date", "{{ ds }}"])\n'))
        self.assertProblem("task export runs `datapilot export`, which is not a command of the stage catalog", self.problems())

    def test_the_commitments_check_must_follow_the_governance_stage(self) -> None:
        self.nightly(('    TASKS["governance"] >> check_commitments\n', ''))
        self.assertProblem("task check_commitments runs `datapilot check-commitments` but not after the governance stage",
                           self.problems())

    def test_the_commitments_check_must_check_its_run_date(self) -> None:
        self.nightly(('"--run-date", "{{ ds }}"],\n        conf=DELTA_CONF', '],\n        conf=DELTA_CONF'))
        self.assertProblem("task check_commitments does not pass --run-date", self.problems())

    def test_a_task_without_the_run_date_fails(self) -> None:
        self.nightly(('"--run-date": "{{ ds }}"', '"--run-date": "2025-01-01"'))
        self.assertProblem("does not pass --run-date {{ ds }}", self.problems())

    def test_duplicate_task_ids_fail(self) -> None:
        self.nightly(('        stage_task("profile")\n', '        stage_task("profile")\n        stage_task("profile")\n'))
        self.assertProblem("task id data.profile is used twice", self.problems())

    def test_airflow_3_removals_and_missing_settings_fail(self) -> None:
        self.nightly(('    schedule="0 2 * * *",\n', '    schedule_interval="0 2 * * *",\n'),
                     ("    catchup=False,\n", ""),
                     ('    "retries": 2,\n', ""),
                     ('"--run-date": "{{ ds }}"', '"--run-date": "{{ execution_date }}"'))
        problems = self.problems()
        self.assertProblem("uses schedule_interval", problems)
        self.assertProblem("uses execution_date", problems)
        self.assertProblem("sets no schedule=", problems)
        self.assertProblem("sets no catchup=", problems)
        self.assertProblem("has no retries in default_args", problems)

    def test_clock_and_heavy_work_at_module_level_fail(self) -> None:
        self.nightly(("TASKS: dict", "TODAY = datetime.now()\nimport subprocess\nsubprocess.run(['true'])\nTASKS: dict"),
                     ("start_date=datetime(2025, 1, 1, tzinfo=timezone.utc)", "start_date=datetime.now()"))
        problems = self.problems()
        self.assertProblem("datetime.now() runs when the scheduler parses the file", problems)
        self.assertProblem("start_date moves with the clock", problems)
        self.assertProblem("subprocess.run(...) at module level is heavy work", problems)

    def test_clock_calls_inside_callbacks_are_fine(self) -> None:
        self.nightly(('    log.error(message)\n', '    log.error("%s at %s", message, datetime.now())\n'))
        self.assertEqual([], self.problems())

    def test_a_task_outside_its_catalog_group_fails(self) -> None:
        self.nightly(('        stage_task("profile")\n', ""), ('    stage_task("quality_gate")\n', '    stage_task("quality_gate")\n'
                     '    stage_task("profile")\n'))
        self.assertProblem("task profile is in task group (none); the catalog puts stage profile in data", self.problems())

    def test_a_file_that_does_not_compile_fails(self) -> None:
        self.nightly(("with DAG(", "with DAG(("))
        self.assertProblem("does not compile", self.problems())


if __name__ == "__main__":
    unittest.main()
