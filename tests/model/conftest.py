import pytest
import torch


@pytest.fixture(autouse=True)
def one_torch_thread():
    """The tiny models gain nothing from threads, and on a busy 2-core machine threads spinning for each
    other made this directory 5x slower."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
