"""datapilot_nightly: the whole datapilot pipeline, every night, one spark-submit per stage.

The stages, their order and their dependencies come from the stage catalog
(``datapilot stages --json``, copied next to this file as ``datapilot_stages.json``; CI checks
that the copy is current). Adding a stage means one catalog entry in Java and one
``stage_task(...)`` line below; ``dags/check_dags.py`` fails when the two disagree.

Every task passes ``--run-date {{ ds }}``: a stage replaces the rows of its run date, so a retry
or a rerun of the same date never duplicates anything.

Deployment (Airflow 2.9+ or 3.x with ``apache-airflow-providers-apache-spark``):

- connection ``spark_default`` (or the Variable ``datapilot_spark_conn_id``): the Spark master
  and deploy mode (standalone ``spark://host:7077``, ``yarn``, ``k8s://...``);
- Variable ``datapilot_jar``: the application jar (``jobs/target/datapilot-app.jar``, on a path
  or URI the cluster can read); Variable ``datapilot_config``: the pipeline YAML;
- optional environment variable ``DATAPILOT_ALERT_WEBHOOK``: a URL that receives a JSON message
  when a task fails (Teams, Slack, Mattermost or any incoming webhook).
"""

from __future__ import annotations

import json
import logging
import os
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

try:  # Airflow 3
    from airflow.sdk import DAG, TaskGroup
except ImportError:  # Airflow 2.9+
    from airflow import DAG
    from airflow.utils.task_group import TaskGroup
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

MAIN_CLASS = "io.datapilot.Datapilot"
JAR = "{{ var.value.get('datapilot_jar', '/opt/datapilot/datapilot-app.jar') }}"
CONFIG = "{{ var.value.get('datapilot_config', '/opt/datapilot/conf/pipeline.yaml') }}"
SPARK_CONN_ID = os.environ.get("DATAPILOT_SPARK_CONN_ID", "spark_default")
DELTA_CONF = {
    "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
    "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
}

# The stage catalog, read once when the scheduler parses the file (a small local file, no network).
CATALOG = {
    stage["name"]: stage
    for stage in json.loads(Path(__file__).with_name("datapilot_stages.json").read_text(encoding="utf-8"))
}
TASKS: dict[str, SparkSubmitOperator] = {}

log = logging.getLogger(__name__)


def notify_failure(context) -> None:
    """Failure callback: logs the failed task and posts it to DATAPILOT_ALERT_WEBHOOK when set."""
    instance = context.get("task_instance")
    message = (
        f"datapilot: task {getattr(instance, 'task_id', '?')} of {getattr(instance, 'dag_id', '?')} failed"
        f" for run date {context.get('ds')} (try {getattr(instance, 'try_number', '?')}):"
        f" {context.get('exception')}. Log: {getattr(instance, 'log_url', '')}"
    )
    log.error(message)
    webhook = os.environ.get("DATAPILOT_ALERT_WEBHOOK")
    if webhook:
        request = urllib.request.Request(
            webhook, data=json.dumps({"text": message}).encode("utf-8"), headers={"Content-Type": "application/json"}
        )
        try:
            urllib.request.urlopen(request, timeout=10).close()
        except OSError as error:  # alerting must not hide the task's own failure
            log.error("datapilot: the alert webhook failed: %s", error)


def stage_task(name: str) -> SparkSubmitOperator:
    """The spark-submit task of a catalog stage: its command, the config and the run date."""
    stage = CATALOG[name]
    arguments = [stage["command"]]
    for option in stage["options"]:
        arguments += [option, {"--config": CONFIG, "--run-date": "{{ ds }}"}[option]]
    task = SparkSubmitOperator(
        task_id=name,
        application=JAR,
        java_class=MAIN_CLASS,
        application_args=arguments,
        conf=DELTA_CONF,
        files=CONFIG,
        conn_id=SPARK_CONN_ID,
        name=f"datapilot-{name}-{{{{ ds }}}}",
        doc_md=stage["description"],
    )
    TASKS[name] = task
    return task


default_args = {
    "owner": "datapilot",
    "depends_on_past": False,
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "execution_timeout": timedelta(hours=3),
    "on_failure_callback": notify_failure,
}

with DAG(
    dag_id="datapilot_nightly",
    description="datapilot: ingest, audit, quality gate, clean, load, query timing, statistics, training, risk and"
                " regulation watch, governance, accessible report, commitments check, retention periods",
    schedule="0 2 * * *",
    start_date=datetime(2025, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["datapilot"],
) as dag:
    with TaskGroup(group_id="data", tooltip="Sources to audited bronze tables") as data:
        stage_task("ingest")
        stage_task("profile")

    stage_task("quality_gate")

    with TaskGroup(group_id="preparation", tooltip="Audited bronze tables to clean, tuned silver tables") as preparation:
        stage_task("clean")
        stage_task("load")
        stage_task("query_timing")

    with TaskGroup(group_id="analysis", tooltip="Tuned silver tables to statistics (gold.stats_*) and trained models"
                   " (gold.leaderboard, models/)") as analysis:
        stage_task("stats")
        stage_task("train")

    stage_task("watch")

    stage_task("governance")

    stage_task("report")

    # the contract's commitments: a breach fails this task (exit code 3), which calls notify_failure like
    # any failed task; it is not retried (a breach is a fact of the run date, not a transient error)
    check_commitments = SparkSubmitOperator(
        task_id="check_commitments",
        application=JAR,
        java_class=MAIN_CLASS,
        application_args=["check-commitments", "--config", CONFIG, "--run-date", "{{ ds }}"],
        conf=DELTA_CONF,
        files=CONFIG,
        conn_id=SPARK_CONN_ID,
        name="datapilot-check-commitments-{{ ds }}",
        retries=0,
        doc_md="Fail when a commitment of governance.commitments is breached for the run date (datapilot check-commitments).",
    )

    # the retention periods (rgpd.retention_policy): run dates out of their period deleted, tables of earlier
    # erasures vacuumed; after the report, so that the night's pages are written first
    retention = SparkSubmitOperator(
        task_id="retention",
        application=JAR,
        java_class=MAIN_CLASS,
        application_args=["retention", "--apply", "--config", CONFIG, "--run-date", "{{ ds }}"],
        conf=DELTA_CONF,
        files=CONFIG,
        conn_id=SPARK_CONN_ID,
        name="datapilot-retention-{{ ds }}",
        doc_md="Delete the run dates older than each table's retention period and vacuum (datapilot retention --apply).",
    )

    # dependencies exactly as the catalog declares them
    for stage_name, stage_operator in TASKS.items():
        for upstream in CATALOG[stage_name]["depends_on"]:
            if upstream in TASKS:
                TASKS[upstream] >> stage_operator
    TASKS["governance"] >> check_commitments
    TASKS["report"] >> retention
