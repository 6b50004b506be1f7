"""nbgrader configuration of the crmlab course (read by `nbgrader`, `crmlab` and the formgrader).

The layout: solutions/ (source, with solutions and hidden tests) -> exercises/ (the release,
generated, committed) -> submitted/ -> autograded/ -> feedback/ (all three git-ignored: student
data never enters the repository). Answer keys live in keys/, outside every folder nbgrader copies.
"""

import os

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    Execute,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file
root = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = os.environ.get("CRMLAB_COURSE_ROOT", root)
c.CourseDirectory.course_id = "crmlab"
# the edition a class is given (course.toml's `edition`; CRMLAB_EDITION when `crmlab generate
# --lang` releases the other one): its source and release folders. The formgrader, nbgrader's own
# commands and crmlab then restore and compare locked cells against the same edition.
from crmlab.course.manifest import edition_folders  # noqa: E402

c.CourseDirectory.source_directory, c.CourseDirectory.release_directory = edition_folders(
    c.CourseDirectory.root
)
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", ".*"]

# the kernel every notebook names, and the limits of one cell
c.Execute.kernel_name = "python3"
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True

# what students see in place of a solution: a statement that runs, so the stub above it stays
c.ClearSolutions.code_stub = {"python": "pass  # YOUR CODE HERE"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# grade cells a student deleted come back from the gradebook (they then score 0, not "needs grading")
c.OverwriteCells.add_missing_cells = True

# grading compares hidden test reports with the answer key in the grader's own process
c.Autograde.autograde_preprocessors = [
    "crmlab.grading.preprocessors.GradingNonce",
    Execute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    "crmlab.grading.preprocessors.KeyComparison",
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
c.KeyComparison.keys_directory = os.path.join(c.CourseDirectory.root, "keys")

# the formgrader shows student output: never render it unsanitised
c.HTMLExporter.sanitize_html = True
