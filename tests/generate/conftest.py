from tests.train.conftest import _two_threads  # noqa: F401  (a shared fixture)
