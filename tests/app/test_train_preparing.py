"""The Train page says what a run does before its first step (training the paired upscaler)."""

from fontassist.train.events import PreparingEvent


def test_upscaler_training_shows_its_progress_before_the_first_step(window):
    page = window.train_page
    page._on_event(PreparingEvent("Training the upscaler on Zen Maru Gothic's own glyphs", 120, 400))
    assert page.progress.maximum() == 400 and page.progress.value() == 120
    assert "upscaler" in page.status_label.text() and "120" in page.status_label.text()
