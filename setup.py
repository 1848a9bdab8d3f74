"""The one thing pyproject.toml cannot say: the top-level ``resources/`` folder is the package ``fontassist.resources``.

Everything else (name, version, dependencies, entry points) is in pyproject.toml. The mapping
works for wheels, sdists and editable installs alike; build_app.py's bundle maps it the same way.
"""

from setuptools import find_namespace_packages, find_packages, setup

# resources/ and its data folders (fonts, models, charsets, translations, icons), each with every file it holds.
RESOURCES = ["fontassist.resources"] + [
    f"fontassist.resources.{name}" for name in find_namespace_packages("resources", exclude=["*__pycache__*"])
]

setup(
    packages=[*find_packages(include=["fontassist", "fontassist.*"]), *RESOURCES],
    package_dir={"fontassist.resources": "resources"},
    package_data={package: ["*"] for package in RESOURCES},
)
