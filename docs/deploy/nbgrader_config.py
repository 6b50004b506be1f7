"""nbgrader configuration for every server on the crmlab hub: /etc/jupyter/nbgrader_config.py.

Baked into the course image (see Dockerfile) and the same for students and the grader service.
The course's own nbgrader_config.py (in the course folder of the grader service) is read after
this file and adds the course layout, the grading pipeline and the answer keys.
"""

import os

from nbgrader.auth import JupyterHubAuthPlugin

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

# one course on this hub; students see it when they are in the JupyterHub group nbgrader-crmlab
c.CourseDirectory.course_id = "crmlab"
c.Authenticator.plugin_class = JupyterHubAuthPlugin

# the exchange: a ReadWriteMany volume mounted at this path in every user pod and the grader
c.Exchange.root = "/srv/nbgrader/exchange"
c.Exchange.path_includes_course = True
c.Exchange.assignment_dir = "/home/jovyan"

# the gradebook: PostgreSQL, reached only by the grader service (its pod has the secret)
if os.environ.get("CRMLAB_GRADEBOOK_URL"):
    c.CourseDirectory.db_url = os.environ["CRMLAB_GRADEBOOK_URL"]

# the formgrader shows student output: never render it unsanitised
c.HTMLExporter.sanitize_html = True
