"""``upstream eval`` keeps a prompt's context: its imports and the versions its header names."""

from __future__ import annotations

from pathlib import Path

import pytest
from packaging.version import Version
from upstream.agents.evaluation import Sample, check_sample, completion_findings, read_prompt
from upstream.engine import LANGUAGES, Position, check
from upstream.packs import bundled_pack_paths, load_rule_set
from upstream.packs.requirements import Ecosystem

PACKS = tuple(str(p) for p in bundled_pack_paths())
RULE_SET = load_rule_set([Path(p) for p in PACKS]).rule_set
FILLNA = "python-ecosystem/fillna-method-ffill-removed"
OBJECTID = "mongodb-node/objectid-without-new"
CONNECT_OPTIONS = "mongodb-node/mongoose-connect-options-no-effect"
TOPOLOGY_OPTIONS = "mongodb-node/mongoose-connect-topology-options-removed"
PANDAS_DATETIME = "python-ecosystem/pandas-datetime-removed"

# The prompt ends on its docstring without a line break: a completion that starts on a
# line of its own in the model's output does not parse after it ...
FUNCTION_PROMPT = 'import pandas as pd\n\ndef fill(df):\n    """Forward-fill missing values."""'
FILL = 'return df.fillna(method="ffill")\n'
# ... and this one the completion continues.
CONTINUED_PROMPT = FUNCTION_PROMPT + "\n"
BODY = '    return df.fillna(method="ffill")\n'

# header -> what eval reports for BODY after it and CONTINUED_PROMPT
PYTHON_HEADERS = {
    "": (FILLNA,),  # no header: every rule applies, as before
    "# pandas 3.0.0\n": (FILLNA,),
    "# pandas==3.0\n": (FILLNA,),
    "# pandas 2.2.2\n": (),
    "# pandas==2.2.2\n": (),
    "#!/usr/bin/env python\n# Pandas 2.1\n\n": (),
    "# numpy 1.26.4\n": (FILLNA,),  # another library's version
    # Not headers: more than a name and a version, after code, not a line comment.
    "# pandas 2.2.2 or newer\n": (FILLNA,),
    "# Written for pandas 2.2.2\n": (FILLNA,),
    "import os\n# pandas 2.2.2\n": (FILLNA,),
    "'''pandas 2.2.2'''\n": (FILLNA,),
}


def rules(code: str, prompt: str | None, language: str = "python") -> tuple[str, ...]:
    return check_sample(Sample("s", "m", code, language, prompt), PACKS).rules


def parses(text: str, language: str = "python") -> bool:
    return not LANGUAGES[language].parser().parse(text.encode()).root_node.has_error


@pytest.mark.parametrize(
    "prompt",
    [
        FUNCTION_PROMPT,
        "Use this module:\nimport pandas as pd\n\nWrite fill(df), which forward-fills df.\n",
        "from pandas import DataFrame\n\nWrite fill(df), which forward-fills df.\n",
    ],
    ids=["no-line-break", "prose", "from-import"],
)
def test_a_prompt_that_does_not_parse_with_its_completion_lends_it_its_imports(
    prompt: str,
) -> None:
    assert not parses(prompt + FILL)
    # What `upstream check` says of the completion under the prompt's import.
    alone = check("import pandas as pd\n" + FILL, LANGUAGES["python"], RULE_SET)
    assert [f.rule for f in alone] == [FILLNA]
    assert rules(FILL, prompt) == (FILLNA,)


@pytest.mark.parametrize(
    ("prompt", "code"),
    [
        (
            'const mongoose = require("mongoose");\n\nWrite toId(s), an ObjectId from s.\n',
            "const toId = (s) => mongoose.Types.ObjectId(s);\n",
        ),
        (
            'const { Types } = require("mongoose");\n\nWrite toId(s), an ObjectId from s.\n',
            "const toId = (s) => Types.ObjectId(s);\n",
        ),
        (
            'import mongoose from "mongoose";\n\nWrite toId(s), an ObjectId from s.\n',
            "const toId = (s) => mongoose.Types.ObjectId(s);\n",
        ),
    ],
    ids=["require", "require-destructured", "import"],
)
@pytest.mark.parametrize("language", ["javascript", "typescript"])
def test_javascript_prompts_lend_their_require_and_import_declarations(
    prompt: str, code: str, language: str
) -> None:
    assert not parses(prompt + code, language)
    assert rules(code, prompt, language) == (OBJECTID,)


def test_a_version_header_turns_a_gated_rule_on_and_off() -> None:
    # fillna(method=...) is gated on pandas>=3.0.
    python = {header: rules(BODY, header + CONTINUED_PROMPT) for header in PYTHON_HEADERS}
    assert python == PYTHON_HEADERS
    # useNewUrlParser is gated on mongoose>=6,<9 (on for 8.1, off for 5.13), and on
    # mongoose>=9 another rule says it is rejected.
    prompt = 'const mongoose = require("mongoose");\n\n'
    code = "await mongoose.connect(uri, { useNewUrlParser: true });\n"
    javascript = {
        header: rules(code, header + prompt, "javascript")
        for header in ("// mongoose 8.1.0\n", "// mongoose 9.0.0\n", "// mongoose@5.13.2\n")
    }
    assert javascript == {
        "// mongoose 8.1.0\n": (CONNECT_OPTIONS,),
        "// mongoose 9.0.0\n": (TOPOLOGY_OPTIONS,),
        "// mongoose@5.13.2\n": (),
    }


def test_a_header_holds_when_only_the_prompts_imports_are_lent() -> None:
    assert not parses("# pandas 3.0.0\n" + FUNCTION_PROMPT + FILL)
    assert rules(FILL, "# pandas 3.0.0\n" + FUNCTION_PROMPT) == (FILLNA,)
    assert rules(FILL, "# pandas 2.2.2\n" + FUNCTION_PROMPT) == ()


def test_a_completion_that_continues_its_prompt_is_checked_once_after_it() -> None:
    # The prompt has the same mistake as the completion: only the completion's counts.
    prompt = 'import pandas as pd\n\ndef fill(df):\n    df.fillna(method="ffill")\n'
    assert parses(prompt + BODY)
    assert rules(BODY, prompt) == (FILLNA,)
    sample = Sample("s", "m", BODY, "python", prompt)
    [finding] = completion_findings(sample, RULE_SET)
    assert (finding.start, finding.start_byte) == (Position(0, 11), 11)
    assert finding.fix is not None and finding.fix.start == Position(0, 11)


def test_findings_in_the_prompt_are_never_counted() -> None:
    # `upstream check` reports the lent import and the completion's call; only the call
    # counts, and the call in the prompt's prose is not seen at all.
    prompt = (
        "from pandas import datetime\nimport pandas as pd\n\n"
        'Do not write df.fillna(method="ffill") like this:\n'
    )
    whole = check("from pandas import datetime\n" + FILL, LANGUAGES["python"], RULE_SET)
    assert [f.rule for f in whole] == [PANDAS_DATETIME, FILLNA]
    assert rules(FILL, prompt) == (FILLNA,)
    [finding] = completion_findings(Sample("s", "m", FILL, "python", prompt), RULE_SET)
    assert (finding.start, finding.end) == (Position(0, 7), Position(0, 32))


def test_what_is_read_from_a_prompt() -> None:
    python = read_prompt(
        "#!/usr/bin/env python\n# pandas 2.2.2\n# pymongo==4.6\n# Requires numpy 1.26\n"
        "import os; import sys\nfrom typing import (\n    Any,\n)\n"
        "Please import json as j here.\n\ndef f():\n    import re\n",
        LANGUAGES["python"],
    )
    assert python.imports == (
        "import os",
        "import sys",
        "from typing import (\n    Any,\n)",
        "import re",
    )
    assert python.versions == {
        (Ecosystem.PYPI, "pandas"): Version("2.2.2"),
        (Ecosystem.PYPI, "pymongo"): Version("4.6"),
    }
    javascript = read_prompt(
        '// @acme/db v2.0.1\n// mongoose 8.1.0\nconst a = require("a"), b = 1;\n'
        'let c = require("c").sub;\nconst d = f(require("d"));\nimport "e";\n',
        LANGUAGES["typescript"],
    )
    assert javascript.imports == (
        'const a = require("a"), b = 1;',
        'let c = require("c").sub;',
        'import "e";',
    )
    assert javascript.versions == {
        (Ecosystem.NPM, "@acme/db"): Version("2.0.1"),
        (Ecosystem.NPM, "mongoose"): Version("8.1.0"),
    }
    assert read_prompt("-- iceberg 1.4\nSELECT 1;\n", LANGUAGES["sql"]).versions == {}
