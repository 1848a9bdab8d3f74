"""The one thing pyproject.toml cannot say: the top-level ``resources/`` folder is the package ``fontassist.resources``.

Everything else (name, version, dependencies, entry points) is in pyproject.toml. The mapping
works for wheels, sdists and editable installs alike; build_app.py's bundle maps it the same way.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["fontassist", "fontassist.*"]), "fontassist.resources"],
    package_dir={"fontassist.resources": "resources"},
    # Every file under resources/ (fonts, model, charsets, translations with their .ts sources, icons, READMEs).
    package_data={"fontassist.resources": ["**/*"]},
)
