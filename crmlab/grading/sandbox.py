"""Isolation of student code during grading: the kernel runs in a bubblewrap sandbox.

``crmlab autograde`` grades every submission with nbgrader in a worker process of its own; the
student's code runs in the notebook's kernel, and that kernel is started through the kernelspec
``crmlab-sandbox`` whose command is this module (``python -m crmlab.grading.sandbox
{connection_file}``). It starts the real IPython kernel inside `bubblewrap
<https://github.com/containers/bubblewrap>`_ (Debian package ``bubblewrap``):

* a root file system that holds only ``/usr``, the Python environment (the virtual environment and
  its base interpreter, **read-only**), the ``crmlab`` package the grader runs and its data sets
  (read-only at ``/crmlab``, first on the kernel's ``PYTHONPATH``), a
  fresh ``HOME`` and ``/tmp`` (size-capped tmpfs, gone afterwards) and a private copy of the
  student's working folder (the only writable place on disk); ``solutions/``, ``keys/``, the
  gradebook and every other student's work simply do not exist in there;
* no network (``--unshare-net``; the kernel talks to the grader over IPC sockets in a folder bound
  into the sandbox), its own PID, IPC and UTS namespaces, ``--die-with-parent``, a new session;
* when the grader runs as root: a separate unprivileged uid per worker slot with no capabilities
  and ``no_new_privs`` (so ``RLIMIT_NPROC`` binds: a fork bomb stops at the process limit);
  otherwise an unprivileged user namespace;
* ``prlimit`` limits on address space, file size, processes, open files and CPU time.

The grader (nbgrader and :class:`crmlab.grading.preprocessors.KeyComparison`, which reads the key) stays
outside; only the kernel is inside. The grader's own side of the connection caps how much output
it accepts (:class:`crmlab.grading.preprocessors.SandboxExecute`) and runs under a memory limit, so a
flood of output stops only that student's grading.

Without bubblewrap (other operating systems, or a Linux machine without the package) the kernel
can still be started through this module with ``mode = "none"``: a clean environment, a fresh
``HOME`` and resource limits, but **no isolation** — student code can read and write whatever
the grader can. :func:`choose_isolation` refuses that unless the instructor passes ``--unsafe``,
and refuses it on CI, where the sandbox is required.

This module imports only the standard library: it runs at every kernel start.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

KERNEL_NAME = "crmlab-sandbox"
SETTINGS_ENV = "CRMLAB_SANDBOX_SETTINGS"
NONCE_VARIABLE = "CRMLAB_GRADING_NONCE"  # the same name as crmlab.checks._report.NONCE_VARIABLE
SANDBOX_HOME = "/home/student"
# uids of the sandboxed kernels when grading as root: one per worker slot, far from real accounts
UID_BASE = 2_000_000

MiB = 2**20


class SandboxUnavailable(RuntimeError):
    """The isolation the instructor asked for cannot be provided: nothing is graded."""


@dataclass(frozen=True)
class Limits:
    """Resource limits of one student's kernel (and what the grader accepts from it)."""

    cpu_seconds: int = 300
    memory_bytes: int = 2048 * MiB
    file_bytes: int = 64 * MiB
    processes: int = 64
    open_files: int = 512
    tmp_bytes: int = 64 * MiB
    output_bytes: int = 8 * MiB

    def describe(self) -> str:
        """One line for the instructor."""
        return (
            f"{self.cpu_seconds} s CPU, {self.memory_bytes // MiB} MiB memory, "
            f"{self.processes} processes, files up to {self.file_bytes // MiB} MiB, "
            f"output up to {self.output_bytes // MiB} MiB"
        )


@dataclass(frozen=True)
class Isolation:
    """How student code is isolated during this grading run."""

    kind: str  # "bubblewrap" or "none"
    bwrap: str | None = None
    as_root: bool = False

    @property
    def safe(self) -> bool:
        return self.kind == "bubblewrap"

    def describe(self, limits: Limits | None = None) -> str:
        """What the instructor is told at the start of every run."""
        if self.kind == "bubblewrap":
            who = (
                "a separate unprivileged uid per worker"
                if self.as_root
                else "an unprivileged user namespace"
            )
            text = (
                "isolation: bubblewrap sandbox for every student's kernel (no network, read-only "
                f"Python environment, fresh HOME and /tmp, only the student's own copy writable, {who})"
            )
        else:
            text = (
                "isolation: NONE (--unsafe): student code runs with YOUR rights and can read the "
                "solutions and keys, write the gradebook and tamper with other students' grading"
            )
        if limits is not None:
            text += f"; limits: {limits.describe()}"
        return text


UNSAFE_WARNING = """\
!!! WARNING: grading WITHOUT isolation (--unsafe) !!!
!!! Student code runs with your rights: it can read solutions/ and keys/, overwrite the
!!! gradebook and other students' work, and leave files behind for the next student.
!!! Install bubblewrap (Debian/Ubuntu: apt-get install -y bubblewrap) to grade safely."""


def find_bwrap() -> str | None:
    """The bubblewrap executable, if installed (``CRMLAB_BWRAP`` overrides the lookup)."""
    override = os.environ.get("CRMLAB_BWRAP")
    if override is not None:
        return override if override and os.access(override, os.X_OK) else None
    return shutil.which("bwrap")


def on_ci(environ: dict[str, str] | None = None) -> bool:
    """True on a CI runner (``CI`` set to a true value, as GitHub, GitLab and others do)."""
    value = (environ if environ is not None else os.environ).get("CI", "")
    return value.strip().lower() not in ("", "0", "false", "no")


def choose_isolation(unsafe: bool = False, *, probe_sandbox: bool = True) -> Isolation:
    """Decide the isolation of this run, or raise :class:`SandboxUnavailable`.

    bubblewrap when it is installed and works (checked by starting a tiny sandbox); otherwise
    grading without isolation only with ``unsafe=True`` (the caller prints
    :data:`UNSAFE_WARNING`). On a Linux CI runner a missing sandbox is an error even then, so a
    CI run never passes without it.
    """
    bwrap = find_bwrap() if sys.platform.startswith("linux") else None
    problem = None
    if bwrap is None:
        problem = "bubblewrap (bwrap) is not installed"
    elif probe_sandbox:
        problem = probe(bwrap)
    if problem is None:
        assert bwrap is not None
        return Isolation("bubblewrap", bwrap, as_root=os.geteuid() == 0)
    if sys.platform.startswith("linux") and on_ci():
        raise SandboxUnavailable(
            f"{problem}; CI=true requires the grading sandbox (add `apt-get install -y bubblewrap` "
            "to the CI setup); nothing was graded"
        )
    if not unsafe:
        hint = (
            "install it (Debian/Ubuntu: apt-get install -y bubblewrap)"
            if bwrap is None
            else "fix it"
        )
        raise SandboxUnavailable(
            f"{problem}: student code cannot be isolated. {hint}, or pass --unsafe to grade "
            "without isolation (student code then runs with your rights); nothing was graded"
        )
    return Isolation("none")


# --------------------------------------------------------------------------------------------
# what the kernel may see


# Inside the sandbox, the crmlab that the grader itself runs is always found here, read-only and
# first on the kernel's PYTHONPATH: the kernel imports the same crmlab as the grading process,
# however that one was installed (a wheel, an editable install of another clone, PYTHONPATH).
SANDBOX_LIB = "/crmlab"


def _package_dir() -> Path:
    """The ``crmlab`` package folder the grading process imports."""
    return Path(__file__).resolve().parent.parent


def _package_root() -> Path:
    """The folder holding the ``crmlab`` package (the repository in an editable install)."""
    return _package_dir().parent


def package_binds() -> list[tuple[str, str]]:
    """``(host, sandbox)`` folders of crmlab and its data, bound read-only under :data:`SANDBOX_LIB`.

    The package folder itself (``crmlab/``; a wheel carries its data inside it) and, for a source
    checkout or an editable install, the ``datasets/`` folder beside it, the place
    :func:`crmlab.datasets.data_dir` looks. Nothing else of that checkout is bound.
    """
    package = _package_dir()
    binds = [(str(package), f"{SANDBOX_LIB}/{package.name}")]
    datasets = _package_root() / "datasets"
    if not (package / "_data" / "datasets").is_dir() and datasets.is_dir():
        binds.append((str(datasets), f"{SANDBOX_LIB}/datasets"))
    return binds


def readonly_paths() -> list[str]:
    """Host paths bound read-only at the same place in the sandbox: the Python environment.

    The virtual environment and the interpreter it was made from (resolved through symlinks, so
    a venv's ``bin/python`` works). crmlab itself comes from :func:`package_binds`. Nothing of
    the course is bound: no solutions, keys, gradebook or submissions.
    """
    paths: list[Path] = []
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}:
        paths.append(Path(prefix).resolve())
    executable = Path(sys.executable)
    if executable.is_symlink():
        paths.append(executable.resolve().parent.parent)
    unique: list[Path] = []
    for path in sorted(set(paths), key=lambda p: len(p.parts)):
        if path.exists() and not any(path.is_relative_to(u) for u in unique):
            unique.append(path)
    return [str(p) for p in unique]


@dataclass
class SandboxSettings:
    """What the kernel launcher needs for one submission (written as JSON by the worker)."""

    mode: str  # "bubblewrap" or "none"
    python: str
    work: str  # host folder that becomes the kernel's working folder (a private copy)
    home: str  # host folder used as HOME when mode == "none"
    log: str  # where the kernel's own stdout/stderr go
    bwrap: str | None = None
    uid: int | None = None  # switch to this uid (grading as root)
    readonly: list[str] = field(default_factory=readonly_paths)
    package: list[list[str]] = field(default_factory=lambda: [list(b) for b in package_binds()])
    limits: Limits = field(default_factory=Limits)

    def write(self, path: Path) -> Path:
        path.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
        return path

    @classmethod
    def read(cls, path: str | Path) -> SandboxSettings:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        data["limits"] = Limits(**data.get("limits", {}))
        return cls(**data)


def kernel_environment(
    environ: dict[str, str], home: str, pythonpath: str | None = None
) -> dict[str, str]:
    """The kernel's whole environment: nothing of the grader's but the grading nonce.

    ``pythonpath`` is the folder that holds the grader's crmlab (inside the sandbox:
    :data:`SANDBOX_LIB`), so that the kernel imports the same crmlab as the grader.
    """
    venv_bin = str(Path(sys.executable).parent)
    env = {
        "PATH": os.pathsep.join([venv_bin, "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": home,
        "USER": "student",
        "LOGNAME": "student",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TMPDIR": "/tmp" if home == SANDBOX_HOME else home,
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "MPLCONFIGDIR": os.path.join(home, ".matplotlib"),
        # one thread per numeric library: predictable, and a small process count
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "MALLOC_ARENA_MAX": "2",
    }
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    if NONCE_VARIABLE in environ:
        env[NONCE_VARIABLE] = environ[NONCE_VARIABLE]
    return env


@functools.cache
def bwrap_features(bwrap: str) -> frozenset[str]:
    """The options this bubblewrap knows (``--size`` and ``--disable-userns`` are recent)."""
    try:
        text = subprocess.run([bwrap, "--help"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(re.findall(r"(--[a-z][a-z0-9-]*)", text))


def _ancestors(path: str) -> list[str]:
    parts = Path(path).parts
    return [str(Path(*parts[:i])) for i in range(2, len(parts))]


def bwrap_command(
    settings: SandboxSettings, cwd: str, runtime: str, kernel: list[str]
) -> list[str]:
    """The full command that starts ``kernel`` inside the sandbox (see the module docstring)."""
    assert settings.bwrap
    lim = settings.limits
    cmd = [
        settings.bwrap,
        "--die-with-parent",
        "--new-session",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
    ]
    features = bwrap_features(settings.bwrap)
    if settings.uid is not None:  # grading as root: privileged bwrap, then drop to the uid
        cmd += [
            "--cap-drop",
            "ALL",
            "--cap-add",
            "CAP_SETUID",
            "--cap-add",
            "CAP_SETGID",
            "--cap-add",
            "CAP_SETPCAP",
        ]
    else:
        cmd += ["--unshare-user"]
        if "--disable-userns" in features:  # no nested user namespaces for student code
            cmd += ["--disable-userns"]
    size = (lambda n: ["--size", str(n)]) if "--size" in features else (lambda n: [])
    cmd += ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        host = Path("/") / name
        if host.is_symlink():
            cmd += ["--symlink", os.readlink(host), f"/{name}"]
        elif host.is_dir():
            cmd += ["--ro-bind", str(host), f"/{name}"]
    for etc in (
        "/etc/ld.so.cache",
        "/etc/localtime",
        "/etc/fonts",
        "/etc/mime.types",
        "/etc/ssl/certs",
    ):
        cmd += ["--ro-bind-try", etc, etc]
    cmd += ["--proc", "/proc", "--dev", "/dev"]
    cmd += ["--perms", "1777", *size(lim.tmp_bytes), "--tmpfs", "/dev/shm"]
    cmd += ["--perms", "1777", *size(lim.tmp_bytes), "--tmpfs", "/tmp"]
    cmd += ["--perms", "0755", "--dir", "/home"]
    cmd += ["--perms", "1777", *size(lim.tmp_bytes), "--tmpfs", SANDBOX_HOME]
    made: set[str] = {"/home", "/tmp", "/usr"}
    binds = [(p, p, "--ro-bind") for p in settings.readonly]
    binds += [(host, inside, "--ro-bind") for host, inside in settings.package]
    binds += [(settings.work, cwd, "--bind"), (runtime, runtime, "--bind")]
    for source, dest, how in binds:
        for folder in _ancestors(dest):
            if folder not in made:
                cmd += ["--perms", "0755", "--dir", folder]
                made.add(folder)
        cmd += [how, source, dest]
        made.add(dest)
    cmd += ["--chdir", cwd, "--"]
    if settings.uid is not None:
        uid = str(settings.uid)
        cmd += [
            "/usr/bin/setpriv",
            "--reuid",
            uid,
            "--regid",
            uid,
            "--clear-groups",
            "--inh-caps=-all",
            "--bounding-set=-all",
            "--no-new-privs",
            "--",
        ]
    cmd += [
        "/usr/bin/prlimit",
        f"--as={lim.memory_bytes}",
        f"--fsize={lim.file_bytes}",
        f"--nproc={lim.processes}",
        f"--cpu={lim.cpu_seconds}:{lim.cpu_seconds + 5}",
        f"--nofile={lim.open_files}",
        "--core=0",
        "--",
        *kernel,
    ]
    return cmd


def _set_limits_here(limits: Limits) -> None:
    """Resource limits for an unsandboxed kernel (``mode = "none"``), where the OS has them."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    wanted = [
        ("RLIMIT_CPU", limits.cpu_seconds),
        ("RLIMIT_FSIZE", limits.file_bytes),
        ("RLIMIT_AS", limits.memory_bytes),
        ("RLIMIT_CORE", 0),
    ]
    for name, value in wanted:
        which = getattr(resource, name, None)
        if which is None:
            continue
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            pass


def _private_copy(source: str, target: str, uid: int | None) -> None:
    """``target`` := a fresh copy of ``source`` without notebooks or links, owned by ``uid``."""
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n.endswith(".ipynb") or os.path.islink(os.path.join(folder, n))]

    shutil.copytree(source, target, ignore=ignore, dirs_exist_ok=True)
    if uid is not None:
        for folder, _dirs, files in os.walk(target):
            os.chown(folder, uid, uid)
            for name in files:
                os.chown(os.path.join(folder, name), uid, uid)


def launch_kernel(argv: list[str]) -> None:
    """Kernelspec entry point: ``python -m crmlab.grading.sandbox CONNECTION_FILE [ARGS...]``.

    Reads the settings named by ``$CRMLAB_SANDBOX_SETTINGS``, prepares the private working copy,
    sends the kernel's own output to the log and replaces this process with the sandboxed kernel
    (so the grader's kill reaches bubblewrap, which takes everything inside down with it).
    """
    if not argv:
        raise SystemExit("usage: python -m crmlab.grading.sandbox CONNECTION_FILE [KERNEL ARGS...]")
    connection_file, extra = os.path.abspath(argv[0]), argv[1:]
    settings_path = os.environ.get(SETTINGS_ENV)
    if not settings_path:
        raise SystemExit(
            f"{SETTINGS_ENV} is not set: the sandbox kernel runs only under crmlab autograde"
        )
    settings = SandboxSettings.read(settings_path)
    cwd = os.getcwd()
    runtime = os.path.dirname(connection_file)
    kernel = [settings.python, "-m", "ipykernel_launcher", "-f", connection_file, *extra]

    log = os.open(settings.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)

    if settings.mode == "bubblewrap":
        _private_copy(cwd, settings.work, settings.uid)
        if settings.uid is not None:
            os.chown(runtime, settings.uid, settings.uid)
            os.chmod(runtime, 0o700)
            os.chown(connection_file, settings.uid, settings.uid)
        env = kernel_environment(dict(os.environ), SANDBOX_HOME, SANDBOX_LIB)
        command = bwrap_command(settings, cwd, runtime, kernel)
        os.execve(command[0], command, env)
    # mode "none": no isolation, but a clean environment, a fresh HOME and resource limits
    os.makedirs(settings.home, exist_ok=True)
    host_lib = os.path.dirname(settings.package[0][0]) if settings.package else None
    env = kernel_environment(dict(os.environ), settings.home, host_lib)
    _set_limits_here(settings.limits)
    os.execve(kernel[0], kernel, env)


def write_kernelspec(directory: Path) -> Path:
    """Write the ``crmlab-sandbox`` kernelspec under ``directory/kernels/`` (a JUPYTER_PATH entry).

    Interrupts go as messages: a signal would reach bubblewrap, not the kernel inside.
    """
    folder = Path(directory) / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "crmlab.grading.sandbox", "{connection_file}"],
        "display_name": "Python 3 (crmlab grading sandbox)",
        "language": "python",
        "interrupt_mode": "message",
        "metadata": {"debugger": False},
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def probe(bwrap: str) -> str | None:
    """Start a tiny sandbox the way grading does; None when it works, else what went wrong."""
    as_root = os.geteuid() == 0
    with tempfile.TemporaryDirectory(prefix="crmlab-probe-") as tmp:
        work, runtime = os.path.join(tmp, "work"), os.path.join(tmp, "run")
        os.makedirs(work)
        os.makedirs(runtime)
        settings = SandboxSettings(
            mode="bubblewrap",
            python=sys.executable,
            work=work,
            home=tmp,
            log=os.devnull,
            bwrap=bwrap,
            uid=UID_BASE if as_root else None,
        )
        if as_root:
            os.chown(work, UID_BASE, UID_BASE)
        code = "import os, sys; open('probe', 'w').write('ok'); print(os.getuid())"
        cmd = bwrap_command(settings, work, runtime, [sys.executable, "-c", code])
        try:
            proc = subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                timeout=60,
                env=kernel_environment({}, SANDBOX_HOME),
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"bubblewrap does not start ({exc})"
        if proc.returncode != 0 or not os.path.exists(os.path.join(work, "probe")):
            detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            return f"bubblewrap is installed but cannot start a sandbox here ({detail[0]})"
    return None


def describe_exit(returncode: int | None) -> str:
    """Why a sandboxed kernel ended, from its exit status (bubblewrap passes the kernel's on).

    >>> describe_exit(128 + 24)
    'it used up its CPU time limit'
    >>> describe_exit(3)
    'it exited (status 3)'
    """
    if returncode is None:
        return "it stopped"
    signal_number = (
        -returncode if returncode < 0 else returncode - 128 if returncode > 128 else None
    )
    reasons = {
        9: "it was killed (memory or process limit, or a crash)",
        24: "it used up its CPU time limit",
        25: "it wrote a file larger than the limit",
        6: "it crashed (abort)",
        11: "it crashed (segmentation fault)",
    }
    if signal_number is not None:
        return reasons.get(signal_number, f"it was stopped by signal {signal_number}")
    return f"it exited (status {returncode})"


if __name__ == "__main__":
    launch_kernel(sys.argv[1:])
