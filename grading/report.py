"""What grading writes: grades.csv, a feedback file per student, and the answers to grade by hand.

- ``grades.csv``: one row per student and assignment (the best of a student's
  notebooks, if there are several; the status names the others).
- ``feedback/<student>.md``: per question, the points, what passed, and for
  what failed the grader's reason: the test's description, never its inputs or
  expected values. Points and comments given by hand appear once entered.
- ``manual/<assignment>/<question>.csv``: every student's written answer, with
  ``points`` and ``comment`` columns to fill in. The next run keeps what was
  filled in, adds it to grades.csv and the feedback, and checks it.
"""

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(text):
    """A CSV field that a spreadsheet will not run as a formula (file names and answers are the students')."""
    text = str(text)
    return "'" + text if text.startswith(FORMULA) else text


@dataclass
class Row:
    """One student's result for one assignment."""

    student: str
    assignment: str
    grade: object  # the Grade of the notebook that counts
    others: list = field(default_factory=list)  # the student's other notebooks for it: Grades
    manual: dict = field(default_factory=dict)  # question → (points or None, comment, what was typed)

    @property
    def manual_points(self):
        return sum(entry[0] for entry in self.manual.values() if entry[0] is not None)

    def ungraded(self, assignment):
        return [q for q in assignment.manual if self.manual.get(q, NOT_GRADED)[0] is None] if assignment else []


NOT_GRADED = (None, "", "")


def choose(grades):
    """Rows, one per student and assignment, sorted: the best-scoring notebook of each counts."""
    groups = defaultdict(list)
    for g in grades:
        groups[(g.student, g.assignment)].append(g)
    rows = []
    for (student, assignment), group in sorted(groups.items()):
        ranked = sorted(group, key=lambda g: (-g.total, g.submission))
        rows.append(Row(student, assignment, ranked[0], ranked[1:]))
    return rows


def read_manual(folder, assignments):
    """{(assignment, question, student): (points or None, comment, what was typed)} from filled-in
    manual CSVs, and the problems found in them (points that are not a number, or out of range:
    they count as not graded, and stay in the CSV to be corrected)."""
    found, problems = {}, []
    for name, assignment in assignments.items():
        for question, most in assignment.manual.items():
            path = folder / name / f"{question}.csv"
            if not path.exists():
                continue
            with open(path, newline="") as handle:
                for line, entry in enumerate(csv.DictReader(handle), start=2):
                    student = entry.get("student", "").removeprefix("'")
                    text = (entry.get("points") or "").strip()
                    points = None
                    if text:
                        try:
                            points = float(text)
                        except ValueError:
                            problems.append(f"{path}:{line}: points {text!r} is not a number")
                        else:
                            if not 0 <= points <= most:
                                problems.append(f"{path}:{line}: points {points:g} is not between 0 and {most:g}")
                                points = None
                    found[(name, question, student)] = (points, (entry.get("comment") or "").strip(), text)
    return found, problems


def write_manual(folder, rows, assignments):
    """One CSV per question graded by hand: every student's answer, with what was filled in kept."""
    for name, assignment in assignments.items():
        mine = [r for r in rows if r.assignment == name]
        if not mine:
            continue
        for question, most in assignment.manual.items():
            path = folder / name / f"{question}.csv"
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", newline="") as handle:
                writer = csv.writer(handle)
                heading = f"out of {most:g}: {assignment.titles[question]}"
                writer.writerow(["student", "answer", "points", "comment", heading])
                for r in mine:
                    _, comment, typed = r.manual.get(question, NOT_GRADED)
                    writer.writerow([cell(r.student), cell(r.grade.answers.get(question, "")), cell(typed),
                                     cell(comment)])


def write_csv(path, rows, assignments):
    auto = sorted({(r.assignment, q) for r in rows for q in r.grade.scores})
    by_hand = sorted({(r.assignment, q) for r in rows if r.assignment in assignments
                      for q in assignments[r.assignment].manual})
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "assignment", "total", "possible", "tests", "tests possible", "by hand",
                         "by hand possible", "status"]
                        + [f"{a}:{q}" for a, q in auto] + [f"{a}:{q} (by hand)" for a, q in by_hand]
                        + ["failures", "review", "submission", "seed", "seconds"])
        for r in rows:
            g, assignment = r.grade, assignments.get(r.assignment)
            manual_possible = sum(assignment.manual.values()) if assignment else 0
            status = g.status
            if r.others:
                status += "; also graded: " + ", ".join(f"{o.submission} ({o.total:g}/{o.possible:g})"
                                                        for o in r.others)
            if r.ungraded(assignment) and g.status == "graded":
                status += f"; {len(r.ungraded(assignment))} answer(s) to grade by hand"
            failures = "; ".join(f"{q}: {' | '.join(why)}" for q, why in g.failures.items())
            row = [cell(r.student), r.assignment, f"{g.total + r.manual_points:g}",
                   f"{g.possible + manual_possible:g}", f"{g.total:g}", f"{g.possible:g}",
                   f"{r.manual_points:g}", f"{manual_possible:g}", status]
            row += [f"{g.scores[q][0]:g}" if a == r.assignment and q in g.scores else "" for a, q in auto]
            row += [_points(r.manual.get(q)) if a == r.assignment else "" for a, q in by_hand]
            row += [failures, "; ".join(g.review), cell(g.submission), g.seed, f"{g.seconds:.1f}"]
            writer.writerow(row)


def _points(entry):
    return "" if entry is None or entry[0] is None else f"{entry[0]:g}"


def file_name(student, taken):
    """A file name for a student's feedback: letters, digits, dots and dashes; unique in ``taken``."""
    base = re.sub(r"[^\w.-]+", "_", student).strip("._") or "student"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def feedback(rows, assignments):
    """{student: Markdown} with a section per assignment."""
    pages = defaultdict(list)
    for r in rows:
        g, assignment = r.grade, assignments.get(r.assignment)
        lines = [f"## {assignment.title if assignment else r.assignment or 'Not an assignment notebook'}", ""]
        manual_possible = sum(assignment.manual.values()) if assignment else 0
        lines.append(f"**{g.total + r.manual_points:g} of {g.possible + manual_possible:g} points**"
                     f" ({g.total:g} of {g.possible:g} from the grader's tests"
                     + (f", {r.manual_points:g} of {manual_possible:g} graded by hand)" if manual_possible else ")")
                     + f". Graded notebook: `{g.submission}`.")
        if g.status != "graded":
            lines += ["", f"Status: {g.status}."]
        for question, (score, most) in g.scores.items():
            lines += ["", f"### {assignment.titles.get(question, question) if assignment else question}:"
                          f" {score:g} of {most:g} points", ""]
            lines += [f"- **{why}**" for why in g.failures.get(question, []) if why.startswith("0 points")]
            for o in (o for o in g.outcomes if o.question == question):
                worth = "no points" if o.public else f"{o.points:g} point{'s' * (o.points != 1)}"
                text = f"`{o.description.split(': ', 1)[1]}`" if o.public else o.description
                label = "Public test" if o.public else "Test"
                result = "passed" if o.passed else "failed" + (f": {o.reason}" if o.reason else "")
                lines.append(f"- {label} ({worth}): {text} **{result}**")
        for question in (assignment.manual if assignment else {}):
            points, comment, _ = r.manual.get(question, NOT_GRADED)
            most = assignment.manual[question]
            state = "not graded yet" if points is None else f"{points:g} of {most:g} points"
            lines += ["", f"### {assignment.titles[question]}, in words (graded by hand): {state}"]
            if comment:
                lines += ["", f"> {comment}"]
        pages[r.student].append("\n".join(lines))
    return {student: f"# Feedback for {student}\n\n" + "\n\n".join(sections) + "\n"
            for student, sections in pages.items()}


def write(grades, assignments, out):
    """Write grades.csv (at ``out``), feedback/ and manual/ beside it; return the rows."""
    out = Path(out)
    folder = out.parent
    rows = choose(grades)
    entered, problems = read_manual(folder / "manual", assignments)
    for r in rows:
        for question in (assignments[r.assignment].manual if r.assignment in assignments else {}):
            if (r.assignment, question, r.student) in entered:
                r.manual[question] = entered[(r.assignment, question, r.student)]
    for problem in problems:
        print(f"ignored: {problem}")
    write_manual(folder / "manual", rows, assignments)
    write_csv(out, rows, assignments)
    pages = feedback(rows, assignments)
    (folder / "feedback").mkdir(parents=True, exist_ok=True)
    taken = set()
    for student, text in pages.items():
        (folder / "feedback" / f"{file_name(student, taken)}.md").write_text(text)
    return rows
