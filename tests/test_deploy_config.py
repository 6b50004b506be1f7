"""The JupyterHub deployment files parse and agree with each other and with the deployment guide."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from traitlets.config.loader import PyFileConfigLoader

from tests.grading_helpers import REPO

DEPLOY = REPO / "docs" / "deploy"
PG_URL = "postgresql+psycopg://crmlab:secret@crmlab-gradebook-postgresql:5432/crmlab"


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load((DEPLOY / "config.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def grader() -> dict[str, dict]:
    docs = [
        d for d in yaml.safe_load_all((DEPLOY / "grader.yaml").read_text(encoding="utf-8")) if d
    ]
    return {f"{d['kind']}/{d['metadata']['name']}": d for d in docs}


def load_nbgrader_config(folder: Path, env: dict[str, str]) -> dict:
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def test_the_course_config_renders_student_output_sanitised():
    config = load_nbgrader_config(REPO, {})
    assert config.HTMLExporter.sanitize_html is True


def test_the_hub_nbgrader_config(values):
    course_id = tomllib.loads((REPO / "course.toml").read_text(encoding="utf-8"))["course"]["id"]
    with_db = load_nbgrader_config(DEPLOY, {"CRMLAB_GRADEBOOK_URL": PG_URL})
    assert with_db.CourseDirectory.db_url == PG_URL
    assert with_db.CourseDirectory.course_id == course_id
    assert with_db.HTMLExporter.sanitize_html is True
    assert with_db.Authenticator.plugin_class.__name__ == "JupyterHubAuthPlugin"
    assert with_db.Exchange.path_includes_course is True
    saved = os.environ.pop("CRMLAB_GRADEBOOK_URL", None)
    try:
        student = PyFileConfigLoader("nbgrader_config.py", path=str(DEPLOY)).load_config()
    finally:
        if saved is not None:
            os.environ["CRMLAB_GRADEBOOK_URL"] = saved
    assert "db_url" not in student.CourseDirectory  # students' servers have no gradebook URL
    mounts = {m["mountPath"] for m in values["singleuser"]["storage"]["extraVolumeMounts"]}
    assert with_db.Exchange.root in mounts


def test_autograde_reads_the_hub_gradebook_url(tmp_path: Path):
    """crmlab's grader finds the PostgreSQL URL where nbgrader does: /etc/jupyter, then the course."""
    root = tmp_path / "course"
    root.mkdir()
    (root / "nbgrader_config.py").write_text(
        (REPO / "nbgrader_config.py").read_text(encoding="utf-8")
    )
    code = (
        "from pathlib import Path; from crmlab.grading.gradebook import gradebook_url; "
        f"print(gradebook_url(Path({str(root)!r})))"
    )
    env = {**os.environ, "JUPYTER_CONFIG_PATH": str(DEPLOY), "CRMLAB_GRADEBOOK_URL": PG_URL}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, check=True
    )
    assert out.stdout.strip() == PG_URL
    env.pop("CRMLAB_GRADEBOOK_URL")
    local = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, check=True
    )
    assert local.stdout.strip() == f"sqlite:///{root / 'gradebook.db'}"


def test_the_hub_values(values, grader):
    hub = values["hub"]
    groups = hub["config"]["JupyterHub"]["load_groups"]
    assert {"nbgrader-crmlab", "formgrade-crmlab"} <= set(groups)
    assert "access:services!service=crmlab" in hub["loadRoles"]["formgrade-crmlab"]["scopes"]
    assert hub["loadRoles"]["formgrade-crmlab"]["groups"] == ["formgrade-crmlab"]
    service = hub["services"]["crmlab"]
    assert "apiToken" not in service  # the token lives in secrets.yaml, never in the repository
    m = re.fullmatch(
        r"http://([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local:(\d+)", service["url"]
    )
    assert m, service["url"]
    svc = grader[f"Service/{m.group(1)}"]
    assert int(m.group(3)) in {p["port"] for p in svc["spec"]["ports"]}
    assert "KubeSpawner.uid" in hub["extraConfig"]["crmlab-uids"]
    compile(hub["extraConfig"]["crmlab-uids"], "crmlab-uids", "exec")  # valid Python


def test_student_pods_share_the_exchange_and_not_the_gradebook(values, grader):
    single = values["singleuser"]
    claim = single["storage"]["extraVolumes"][0]["persistentVolumeClaim"]["claimName"]
    pvc = grader[f"PersistentVolumeClaim/{claim}"]
    assert pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    assert single["networkPolicy"]["enabled"] is True
    assert single["networkPolicy"]["egressAllowRules"]["privateIPs"] is False
    env = single.get("extraEnv", {})
    assert "CRMLAB_GRADEBOOK_URL" not in env


def test_the_grader_pod(values, grader):
    deployment = grader["Deployment/crmlab-grader"]
    pod = deployment["spec"]["template"]["spec"]
    container = pod["containers"][0]
    image = values["singleuser"]["image"]
    assert container["image"] == f"{image['name']}:{image['tag']}"
    env = {e["name"]: e for e in container["env"]}
    assert env["CRMLAB_GRADEBOOK_URL"]["valueFrom"]["secretKeyRef"] == {
        "name": "crmlab-gradebook",
        "key": "url",
    }
    assert env["JUPYTERHUB_SERVICE_NAME"]["value"] == "crmlab"
    assert env["JUPYTERHUB_SERVICE_PREFIX"]["value"] == "/services/crmlab/"
    assert "secretKeyRef" in env["JUPYTERHUB_API_TOKEN"]["valueFrom"]
    # what bubblewrap needs inside a pod (see the guide, "The sandbox in a pod")
    assert pod["hostUsers"] is False
    assert pod["securityContext"]["seccompProfile"]["type"] == "Unconfined"
    assert pod["securityContext"]["runAsUser"] != 0
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v["persistentVolumeClaim"]["claimName"] for v in pod["volumes"]}
    assert volumes[mounts["/srv/nbgrader/exchange"]] == "crmlab-exchange"
    assert volumes[mounts["/home/jovyan/course"]] == "crmlab-course"
    assert 8888 in {p["containerPort"] for p in container["ports"]}


def test_the_image_is_built_from_the_lock():
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    python = re.search(r"^FROM python:(\d+\.\d+)", dockerfile, re.MULTILINE)
    assert python and python.group(1) == f"{sys.version_info.major}.{sys.version_info.minor}"
    assert "COPY requirements.lock" in dockerfile
    assert re.search(r"pip install --require-hashes -r requirements\.lock", dockerfile)
    assert "bubblewrap" in dockerfile
    assert "COPY docs/deploy/nbgrader_config.py /etc/jupyter/nbgrader_config.py" in dockerfile
    user = re.findall(r"^USER (\S+)", dockerfile, re.MULTILINE)
    assert user and user[-1] not in ("root", "0")
    for copied in re.findall(r"^COPY (.+) \S+$", dockerfile, re.MULTILINE):
        for name in copied.split():
            if name == "docs/deploy/requirements-hub.txt":
                continue  # generated from requirements-hub.in by the guide's first step
            assert (REPO / name).exists(), name
    pins = (DEPLOY / "requirements-hub.in").read_text(encoding="utf-8")
    assert re.search(r"^jupyterhub==\d", pins, re.MULTILINE)
    assert re.search(r"^psycopg\[binary\]==\d", pins, re.MULTILINE)
    assert PG_URL.split("://")[0] == "postgresql+psycopg"  # the driver the pins install


def test_the_guide_names_every_file_and_step():
    guide = (DEPLOY / "README.md").read_text(encoding="utf-8")
    for name in (
        "Dockerfile",
        "config.yaml",
        "grader.yaml",
        "nbgrader_config.py",
        "requirements-hub.in",
    ):
        assert f"]({name})" in guide, name
    for step in (
        "crmlab autograde 05_abc --jobs",
        "pg_dump",
        "hostUsers: false",
        "crmlab-gradebook",
        "helm upgrade --install",
        "/srv/nbgrader/exchange",
        "--unsafe",
    ):
        assert step in guide, step
