#!/usr/bin/env python3
"""Writes the attacks measured in the README's Reliability section into DIR, one folder each.

    benches/attacks.py DIR && benches/attacks.sh target/release/hustings DIR
"""
import os
import random
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main(root):
    deep = "[" * 100_000 + "]" * 100_000
    good = "name: Good\nstatement: fine\n"
    write(f"{root}/deep/candidate-b.md", f"---\nname: B\nx: {deep}\n---\nstatement\n")
    write(f"{root}/deep/good.yaml", good)
    anchor = "a: &x [" + ",".join(["1"] * 100_000) + "]\n"
    aliases = ", ".join(["*x"] * 5_000)
    write(f"{root}/alias/candidate-c.md", f"---\nname: C\n{anchor}b: [{aliases}]\n---\nstatement\n")
    write(f"{root}/alias/good.yaml", good)
    write(f"{root}/os/candidates/2026.1/TC/jane@example.com", "I am Jane.\n")
    write(f"{root}/os/doc/source/results/2026.1/tc.yaml", f"candidates:\n  tc: {deep}\n")
    write(f"{root}/yamlhdr/c.yaml", f"name: D\nstatement: |\n  ---\n  name: B\n  x: {deep}\n  ---\n  text\n")
    write(f"{root}/fifo/good.yaml", good)
    os.mkfifo(f"{root}/fifo/cand.yaml")
    write(f"{root}/zero/good.yaml", good)
    os.symlink("/dev/zero", f"{root}/zero/Zero.md")
    write(f"{root}/yamlseq/c.yaml", f"- statement: |\n  x: {deep}\n")
    write(f"{root}/yamlseq/good.yaml", good)
    write(f"{root}/yamlseqalias/c.yaml", f"- key: >\n  {anchor}  b: [{aliases}]\n")
    write(f"{root}/yamlseqalias/good.yaml", good)
    table = (
        "<table>\n<tr><td>Full Name</td><td>Socials</td><td>Why?</td></tr>\n"
        "<tr><td>Good Nominee</td><td>Company: Acme</td><td>Fine.</td></tr>\n<tr><td>Bad</td><td>x</td><td>"
    )
    for name, rest in [
        ("cells", "<tr>" + "<td>c" * 100_000 + "</tr>"),
        ("alinks", '<a href="https://e.example/">x ' * 100_000),
        ("nested", '<a href="https://e.example/">' * 200_000 + "deep" + "</a>" * 200_000),
        ("rows", "<tr><td>r" * 100_000),
    ]:
        write(f"{root}/ossf-{name}/OpenSSF-TAC-Nominations-2024.md", table + rest + "</td></tr>\n</table>")
    write(f"{root}/links/good.yaml", good)
    os.symlink("/", f"{root}/links/everything")
    os.symlink("/etc/passwd", f"{root}/links/passwd.txt")
    random.seed(1)
    words = [f"w{i}" for i in range(5000)]

    def text(n):
        return " ".join(random.choice(words) for _ in range(n))

    write(f"{root}/hist/a/election.yaml", "name: Old\ndates: {voting_close: '2020-01-01'}\n")
    write(f"{root}/hist/b/election.yaml", "name: New\ndates: {voting_close: '2022-01-01'}\n")
    write(f"{root}/hist/a/JaneDoe.md", "# Jane Doe\n\n" + text(1_700_000) + "\n")
    write(f"{root}/hist/b/JaneDoe.md", "# Jane Doe\n\n" + text(1_700_000) + "\n")
    # Documents read by the candidate finder, each beside a good candidate.
    good_md = "# Good Person\n\nI am good.\n"
    docs = {
        "doc-lists": "# T\n\n" + "".join(f"- item {i}\n\npara {i}\n\n" for i in range(100_000)),
        "doc-sections": "".join(
            f"### Ann Lee{chr(65 + i % 26)} Xy{chr(65 + i // 26 % 26)}\n\n- Company: A\n\nwords\n\n"
            for i in range(50_000)
        ),
        "doc-pipes": "## Nominees\n\n| Name | Employer |\n|--|--|\n"
        + "".join(f"| Ann Lee | A{i} |\n" for i in range(100_000)),
        "doc-html": "## Nominees\n\n<table>\n<tr><td>Name</td><td>Employer</td><td>Statement</td></tr>\n"
        + "".join(f"<tr><td>Ann Lee</td><td>A{i}</td><td>words {i}</td></tr>\n" for i in range(33_334))
        + "</table>\n",
        "doc-quotes": ">" * 100_000 + " deep\n",
        "doc-toml": "+++\na = " + "[" * 100_000 + "]" * 100_000 + "\n+++\nbody\n",
    }
    for name, body in docs.items():
        write(f"{root}/{name}/doc.md", body)
        write(f"{root}/{name}/good.md", good_md)
    write(
        f"{root}/doc-rst/doc.rst",
        "".join(f"Title {i}\n{'=' * 12}\n\n- `Ann Lee <https://x.example/{i}>`_\n\n" for i in range(50_000)),
    )
    write(f"{root}/doc-rst/good.md", good_md)
    # A question grid of 2,000 questions (with links, in election.yaml) x 500 candidates who
    # answer by title only.
    qs = "".join(f"  - title: Question {i}?\n    link: https://q.example/issues/{i}\n" for i in range(2_000))
    write(f"{root}/grid/election.yaml", "name: Grid\nquestions:\n" + qs)
    answers = "".join(f"  - title: Question {i}?\n    answer: yes {i}\n" for i in range(2_000))
    for c in range(500):
        write(f"{root}/grid/c{c}.yaml", f"name: Candidate {c}\nstatement: s\nanswers:\n{answers}")
    # The voter's config: 100,000 bad keys, a FIFO, a link to /dev/zero, a 30 MB value.
    write(f"{root}/conf-keys/hustings/config.toml", "".join(f"bad{i} = 1\n" for i in range(100_000)))
    os.makedirs(f"{root}/conf-fifo/hustings", exist_ok=True)
    os.mkfifo(f"{root}/conf-fifo/hustings/config.toml")
    os.makedirs(f"{root}/conf-zero/hustings", exist_ok=True)
    os.symlink("/dev/zero", f"{root}/conf-zero/hustings/config.toml")
    write(f"{root}/conf-value/hustings/config.toml", 'theme = "' + "x" * 30_000_000 + '"\n')
    # Look-alike names in one election: Latin "Alice" and Cyrillic "Аlice".
    write(f"{root}/lookalike/a.yaml", "name: Alice\nstatement: mine\n")
    write(f"{root}/lookalike/b.yaml", "name: \u0410lice\nstatement: not hers\n")
    # OpenStack results that are not YAML: named, the statements load by e-mail.
    write(f"{root}/osbad/candidates/2026.1/TC/jane@example.com", "I am Jane.\n")
    write(f"{root}/osbad/doc/source/results/2026.1/tc.yaml", "candidates: [unclosed\n")
    # The voter's own ballot file as a FIFO, and as 20 MB.
    os.makedirs(f"{root}/voter-fifo", exist_ok=True)
    os.mkfifo(f"{root}/voter-fifo/lookalike.yaml")
    write(f"{root}/voter-big/lookalike.yaml", "notes:\n  x: '" + "y" * 20_000_000 + "'\n")
    # In the app: a statement of 60,000 links, one URL followed by 200,000 `]`, a note from
    # $EDITOR of 100 MB, and a candidate deeper than a path can name.
    links = "".join(f"[l{i}](https://e.example/{i}) " for i in range(60_000))
    write(f"{root}/app-links/c.yaml", f"name: Many Links\nstatement: '{links}'\n")
    write(f"{root}/app-brackets/c.yaml", "name: Many Brackets\nstatement: 'https://e.example/" + "]" * 200_000 + "'\n")
    write(f"{root}/app-note/c.yaml", "name: Ann Note\nstatement: hello\n")
    write(f"{root}/app-note/editor.sh", "#!/bin/sh\nhead -c 100000000 /dev/zero | tr '\\0' x > \"$1\"\n")
    os.chmod(f"{root}/app-note/editor.sh", 0o755)
    write(f"{root}/app-full/c.yaml", "name: Ann Full\nstatement: hello\n")
    write(f"{root}/pathmax/good.yaml", good)
    fd = os.open(f"{root}/pathmax", os.O_RDONLY)
    for _ in range(25):
        os.mkdir("d" * 200, dir_fd=fd)
        inner = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    inner = os.open("deep.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(inner, b"name: Too Deep\nstatement: s\n")
    os.close(inner)
    os.close(fd)
    huge = text(8_700_000)
    write(f"{root}/themes50/Huge.md", huge)
    write(f"{root}/themes15/Huge.md", huge[:15_600_000])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: attacks.py DIR")
    main(sys.argv[1])
