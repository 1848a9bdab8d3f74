from tests.train.conftest import _two_threads, tiny_run  # noqa: F401  (shared fixtures)
