"""The training settings form, bound to ``TrainConfig`` field names.

``values()`` returns the settings as the project keeps them (``TrainConfig``
names, model fields under ``"model"``); ``setValues`` shows them. The form
knows the trainer's defaults and devices only once the engine has loaded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

IMAGE_SIZES = (32, 64, 96, 128, 192, 256)
NORMS = (
    ("batch", QT_TRANSLATE_NOOP("TrainSettingsForm", "BatchNorm")),
    ("instance", QT_TRANSLATE_NOOP("TrainSettingsForm", "InstanceNorm")),
    ("none", QT_TRANSLATE_NOOP("TrainSettingsForm", "None")),
)
DEVICE_AUTO = "auto"


def attention_choices(size: int) -> list[int]:
    """Encoder feature-map sizes of a U-Net on ``size``-pixel images where attention makes sense (4 px and up)."""
    sizes, s = [], size
    while s % 2 == 0 and s // 2 >= 4:
        s //= 2
        sizes.append(s)
    return sorted(sizes)


PRESETS = (
    ("", QT_TRANSLATE_NOOP("TrainSettingsForm", "Choose a preset…")),
    ("quick", QT_TRANSLATE_NOOP("TrainSettingsForm", "Quick: a first look (≈ 5 min on a CPU, 64 px)")),
    ("balanced", QT_TRANSLATE_NOOP("TrainSettingsForm", "Balanced (≈ 30 min on a CPU, 64 px)")),
    ("quality", QT_TRANSLATE_NOOP("TrainSettingsForm", "Quality (128 px, meant for a GPU)")),
)


class TrainSettingsForm(QGroupBox):
    changed = Signal()
    presetChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Settings"), parent)
        self.setObjectName("trainSettings")
        self._loading = False
        self._defaults: dict[str, Any] = {}
        self._adv_loss_on = "lsgan"

        self._build_model_fields()
        self._build_run_fields()
        self._lay_out()
        self._connect_fields()

    def _build_model_fields(self):
        """The preset and the model's shape: image size, width, normalization, attention."""
        self.preset = QComboBox(self)
        self.preset.setObjectName("presetCombo")
        for value, label in PRESETS:
            self.preset.addItem(self.tr(label), value)
        self.preset.setToolTip(
            self.tr(
                "Sets image size, widths, steps and losses together. Quick shows within minutes whether the pair "
                "works; Balanced gives usable drafts in about half an hour on a CPU; Quality needs a GPU. "
                "Change any field afterwards."
            )
        )
        self.preset.activated.connect(self._preset_activated)
        self.size = QComboBox(self)
        for size in IMAGE_SIZES:
            self.size.addItem(self.tr("{0} × {0} px").format(size), size)
        self.size.setToolTip(
            self.tr(
                "Glyph raster size. Larger keeps finer detail of complex characters but each step costs about 4× "
                "per doubling; 64 px suits a CPU, 128 or 256 px a GPU."
            )
        )
        self.base_channels = QSpinBox(self)
        self.base_channels.setRange(4, 256)
        self.base_channels.setSingleStep(4)
        self.base_channels.setToolTip(
            self.tr(
                "Width of the network. Wider learns more detail but each step is slower (up to 4× per doubling) "
                "and it needs more steps; 32 suits a CPU, 64 a GPU."
            )
        )
        self.norm = QComboBox(self)
        for value, label in NORMS:
            self.norm.addItem(self.tr(label), value)
        self.norm.setToolTip(
            self.tr(
                "Normalization in the generator and discriminator; no effect on time. InstanceNorm is the safe "
                "default; compare BatchNorm and InstanceNorm runs with the same seed."
            )
        )
        self.attention_row = QWidget(self)
        self.attention_layout = QHBoxLayout(self.attention_row)
        self.attention_layout.setContentsMargins(0, 0, 0, 0)
        self.attention_boxes: dict[int, QCheckBox] = {}
        self.attention_row.setToolTip(
            self.tr(
                "Self-attention after the encoder levels of these sizes (in pixels): helps place strokes of "
                "complex characters; a larger level costs noticeably more time and memory."
            )
        )

    def _build_run_fields(self):
        """How the run goes: batch, steps, learning rate, adversarial loss, device, preview and evaluation steps."""
        self.batch_size = QSpinBox(self)
        self.batch_size.setRange(1, 1024)
        self.batch_size.setToolTip(
            self.tr(
                "Glyph pairs per step. Time grows with it per step but the model sees more per step; 16 suits a "
                "CPU. Lower it if memory runs out."
            )
        )
        self.steps = QSpinBox(self)
        self.steps.setRange(1, 10_000_000)
        self.steps.setSingleStep(500)
        self.steps.setGroupSeparatorShown(True)
        self.steps.setToolTip(
            self.tr(
                "Length of the run; time grows in proportion. Quality rises quickly at first, then slowly: watch "
                "the validation IoU against the source as is. Use Estimate time to see what a number costs."
            )
        )
        self.lr = QDoubleSpinBox(self)
        self.lr.setDecimals(6)
        self.lr.setRange(0.000001, 0.1)
        self.lr.setSingleStep(0.00005)
        self.lr.setToolTip(
            self.tr(
                "Step size of the optimiser; no effect on time per step. Higher learns faster in short runs but "
                "can diverge (the run stops with a message); 0.0005 suits the 64 px presets."
            )
        )
        self.adversarial = QCheckBox(self.tr("Adversarial loss (sharper, slower)"), self)
        self.adversarial.setToolTip(
            self.tr(
                "A discriminator judges the glyphs (pix2pix): crisper edges and terminals, at the cost of training "
                "a second network each step. The presets switch it on half-way through the run."
            )
        )
        self.device = QComboBox(self)
        self.device.setToolTip(
            self.tr("Where to train. A GPU is many times faster and allows larger sizes; results are alike.")
        )
        self.gpu_note = QLabel(self)
        self.gpu_note.setObjectName("gpuNote")
        self.gpu_note.setWordWrap(True)
        self.gpu_note.setTextInteractionFlags(self.gpu_note.textInteractionFlags() | Qt.TextSelectableByMouse)
        self.preview_every = QSpinBox(self)
        self.preview_every.setRange(1, 1_000_000)
        self.preview_every.setToolTip(
            self.tr("Steps between preview images; no effect on quality, little on time.")
        )
        self.eval_every = QSpinBox(self)
        self.eval_every.setRange(1, 1_000_000)
        self.eval_every.setToolTip(
            self.tr(
                "Steps between scorings on the held-out glyphs. Each one costs a few seconds and may update "
                "best.pt, the checkpoint with the highest validation IoU."
            )
        )

    def _lay_out(self):
        """One row per setting, in the order a designer decides them."""
        layout = QFormLayout(self)
        layout.addRow(self.tr("Preset:"), self.preset)
        layout.addRow(self.tr("Image size:"), self.size)
        layout.addRow(self.tr("Base channels:"), self.base_channels)
        layout.addRow(self.tr("Normalization:"), self.norm)
        layout.addRow(self.tr("Attention at:"), self.attention_row)
        layout.addRow(self.tr("Batch size:"), self.batch_size)
        layout.addRow(self.tr("Steps:"), self.steps)
        layout.addRow(self.tr("Learning rate:"), self.lr)
        layout.addRow("", self.adversarial)
        layout.addRow(self.tr("Device:"), self.device)
        layout.addRow("", self.gpu_note)
        layout.addRow(self.tr("Preview every:"), self.preview_every)
        layout.addRow(self.tr("Evaluate every:"), self.eval_every)
        self.setDevices([])

    def _connect_fields(self):
        """Every field tells the page when it changes."""
        self.size.currentIndexChanged.connect(self._size_changed)
        for widget in (self.base_channels, self.batch_size, self.steps, self.preview_every, self.eval_every):
            widget.valueChanged.connect(self._emit_changed)
        self.lr.valueChanged.connect(self._emit_changed)
        for combo in (self.norm, self.device):
            combo.currentIndexChanged.connect(self._emit_changed)
        self.adversarial.toggled.connect(self._emit_changed)

    # -- setup --------------------------------------------------------------------------------------

    def setDevices(self, devices: list[tuple[str, str]]) -> None:
        current = self.device.currentData()
        self._loading = True
        self.device.clear()
        self.device.addItem(self.tr("Automatic (best available)"), DEVICE_AUTO)
        for value, name in devices:
            self.device.addItem(f"{name} ({value})" if value != "cpu" else self.tr("CPU"), value)
        index = self.device.findData(current)
        self.device.setCurrentIndex(max(0, index))
        self._loading = False
        gpus = sum(1 for value, _ in devices if value.startswith("cuda"))
        # The app trains in one process, on one GPU; torchrun spreads a run over several (see the README).
        self.gpu_note.setText(
            self.tr(
                "{0} GPUs found. Training here uses one of them (Automatic: the first); to train on all {0}, "
                "run: fontassist train --nproc-per-node {0} …"
            ).format(gpus)
            if gpus > 1
            else ""
        )
        self.gpu_note.setVisible(gpus > 1)

    def _preset_activated(self, index: int) -> None:
        name = self.preset.itemData(index)
        if name:
            self.presetChosen.emit(name)

    def deviceNames(self) -> list[str]:
        return [self.device.itemData(i) for i in range(self.device.count())]

    def _set_attention_choices(self, size: int, checked: set[int]) -> None:
        while self.attention_layout.count():
            item = self.attention_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.attention_boxes = {}
        for res in attention_choices(size):
            box = QCheckBox(str(res), self.attention_row)
            box.setChecked(res in checked)
            box.toggled.connect(self._emit_changed)
            self.attention_layout.addWidget(box)
            self.attention_boxes[res] = box
        self.attention_layout.addStretch(1)

    def _size_changed(self) -> None:
        self._set_attention_choices(self.size.currentData(), self.attention())
        self._emit_changed()

    def _emit_changed(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    # -- values -------------------------------------------------------------------------------------
    def attention(self) -> set[int]:
        return {res for res, box in self.attention_boxes.items() if box.isChecked()}

    def setValues(self, values: dict[str, Any]) -> None:
        """Show ``values`` (merged settings: defaults overlaid with the project's)."""
        model = values["model"]
        self._loading = True
        try:
            size = int(model["image_size"])
            if self.size.findData(size) < 0:
                self.size.addItem(self.tr("{0} × {0} px").format(size), size)
            self.size.setCurrentIndex(self.size.findData(size))
            self._set_attention_choices(size, set(model.get("attention", ())))
            self.base_channels.setValue(int(model["base_channels"]))
            self.norm.setCurrentIndex(max(0, self.norm.findData(model["norm"])))
            self.batch_size.setValue(int(values["batch_size"]))
            self.steps.setValue(int(values["steps"]))
            self.lr.setValue(float(values["lr"]))
            adv = values["adv_loss"]
            if adv != "none":
                self._adv_loss_on = adv
            self.adversarial.setChecked(adv != "none")
            device = values["device"]
            index = self.device.findData(device)
            if index < 0:
                self.device.addItem(device, device)
                index = self.device.count() - 1
            self.device.setCurrentIndex(index)
            self.preview_every.setValue(int(values["preview_every"]))
            self.eval_every.setValue(int(values["eval_every"]))
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        """The settings as the project stores them (``TrainConfig`` names)."""
        return {
            "batch_size": self.batch_size.value(),
            "steps": self.steps.value(),
            "lr": self.lr.value(),
            "adv_loss": self._adv_loss_on if self.adversarial.isChecked() else "none",
            "device": self.device.currentData(),
            "preview_every": self.preview_every.value(),
            "eval_every": self.eval_every.value(),
            "model": {
                "image_size": self.size.currentData(),
                "base_channels": self.base_channels.value(),
                "norm": self.norm.currentData(),
                "attention": sorted(self.attention()),
            },
        }
