"""The Markdown job summary that ``--format github`` adds to ``$GITHUB_STEP_SUMMARY``.

GitHub gives each step its own summary file and expects tools to *append* to it
(several tools may write to one step's file); it renders the file after the step.
Replacing the file atomically, as plancheck does with its other outputs, would drop
what an earlier command of the same step wrote. So the summary is appended with a
single ``write`` on a descriptor opened with ``O_APPEND``: the kernel places the whole
block at the end of the file, and a reader never sees half of it interleaved with
another writer's output.
"""

from __future__ import annotations

import os

from plancheck.cli._errors import UsageError

SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"
# GitHub refuses a step summary larger than 1 MiB (and shows none of it).
MAX_SUMMARY_BYTES = 1024 * 1024 - 1024


def fit(markdown: str, lang: str) -> str:
    """``markdown``, cut at a line boundary with a note when it would be too large."""
    data = markdown.encode("utf-8")
    if len(data) <= MAX_SUMMARY_BYTES:
        return markdown
    note = (
        "\n> 摘要过长，已截断；完整报告请用 --format markdown --output 生成。\n"
        if lang == "zh"
        else "\n> Summary cut to GitHub's size limit; write the full report with "
        "--format markdown --output.\n"
    )
    room = MAX_SUMMARY_BYTES - len(note.encode("utf-8"))
    head = data[:room].decode("utf-8", "ignore")
    return head[: head.rfind("\n") + 1] + note


def append_summary(path: str, markdown: str) -> None:
    data = markdown.encode("utf-8")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    except OSError as exc:
        raise UsageError(
            f"{path}: 无法写入作业摘要 / cannot write the job summary: {exc.strerror}"
        ) from None
    try:
        written = os.write(fd, data)
        # A regular file takes a whole write; a short write (disk full) is an error,
        # since retrying the rest would break the single-append guarantee.
        if written != len(data):
            raise UsageError(f"{path}: 作业摘要未写完 / job summary write was cut short")
    except OSError as exc:
        raise UsageError(
            f"{path}: 无法写入作业摘要 / cannot write the job summary: {exc.strerror}"
        ) from None
    finally:
        os.close(fd)
