"""``import-edits``: glyphs fixed or drawn by hand in the designer's editor, back into a project."""

from __future__ import annotations

from pathlib import Path


def _import_edits(args) -> int:
    from ..export.handedits import read_edits
    from ..safeio import check_not_input, protect_inputs

    found = read_edits(args.ufo)
    project_path = Path(args.project_file)
    training_path = project_path.with_name(f"{project_path.name.split('.')[0]}.training-target.ttf")
    # The UFO (every file in it) and the fonts and run it records are inputs; the project is the output
    # (read and updated in place, so deliberately not an input here).
    ufo = Path(found.ufo_path)
    inputs = [("edited UFO", ufo), *(("edited UFO", p) for p in ufo.rglob("*") if p.is_file())]
    recorded = {"source": "source font", "target": "target font", "checkpoint": "checkpoint"}
    inputs += [(role, found.provenance.get(key)) for key, role in recorded.items()]
    with protect_inputs([(role, path) for role, path in inputs if path]):
        check_not_input(project_path)
        check_not_input(training_path)
        return _update_project(args, found, project_path, training_path)


def _update_project(args, found, project_path: Path, training_path: Path) -> int:
    from ..app.common.project import FontChoice, Project  # plain data, no Qt
    from ..app.common.projectrefs import store_path
    from ..export.handedits import apply_edits, edits_for_training, write_training_target

    if project_path.exists():
        project = Project.load(project_path)
    else:
        # A first import from the command line: the project starts from what the export recorded.
        project = Project()
        for role in ("source", "target"):
            stored = found.provenance.get(role)
            if stored and Path(stored).exists():
                setattr(project, role, FontChoice(Path(stored)))
        run = found.provenance.get("checkpoint")
        if run and Path(run).is_dir():
            project.run_dir = Path(run)
        elif run and Path(run).is_file():
            project.review["checkpoint"] = store_path(run, None)
    changed = apply_edits(project.review, found, for_training=args.train)
    training = None
    if edits_for_training(project.review) and project.target is not None:
        from ..fonts import open_font

        target = open_font(project.target.path, project.target.face)
        training = write_training_target(target, project.review, training_path)
    project.save(project_path)
    print(f"Took the edits from {found.ufo_path} into {project_path}: {found.summary()}.")
    if found.edited:
        print(f"  edited by hand (exported as drawn, never regenerated): {''.join(found.edited[:40])}")
    if found.drawn:
        print(f"  drawn new in the editor: {''.join(found.drawn[:40])}")
    if found.deleted:
        print(f"  deleted in the editor (now rejected): {''.join(found.deleted[:40])}")
    if training is not None:
        print(
            f"  the hand-fixed glyphs join the training pairs of the next run: {training} is the target "
            "plus them (the app uses it; on the command line, train with --target on it)."
        )
    if not changed:
        print("  nothing changed since the last import.")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import-edits",
        help="take glyphs fixed or drawn by hand in your editor back into a project",
        description="Compare a UFO exported by fontassist (and edited in Glyphs, RoboFont, FontForge, "
        "Fontra…) with what was exported: glyphs whose outline changed come back as 'edited by hand' "
        "(exported as drawn, never regenerated), glyphs drawn new are taken too, deleted ones become "
        "rejected, and accepted/rejected mark colours become decisions.",
    )
    p.add_argument("ufo", metavar="EDITED.ufo", help="the UFO you edited")
    p.add_argument(
        "--project",
        dest="project_file",  # not "project": that one names an input (export --project) and this is updated
        required=True,
        metavar="P.fontassist.json",
        help="the project to update (created from the UFO's export record when it does not exist)",
    )
    train = p.add_mutually_exclusive_group()
    train.add_argument(
        "--train",
        dest="train",
        action="store_true",
        default=None,
        help="add the hand-fixed glyphs to the training pairs of the next run",
    )
    train.add_argument("--no-train", dest="train", action="store_false", help="do not (the default)")
    p.set_defaults(handler=_import_edits)
