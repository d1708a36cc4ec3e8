"""Minifies CSS from stdin to stdout: drops comments and needless white space.

Enough for our hand-written stylesheet (no strings containing braces or
comment markers); a full minifier would be another toolchain to install.
"""
import re
import sys

css = re.sub(r"/\*.*?\*/", "", sys.stdin.read(), flags=re.S)
css = re.sub(r"\s+", " ", css)
css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
css = re.sub(r":\s+", ":", css)  # "a: b" -> "a:b"; selectors keep "a :is()" spacing rules below
css = css.replace(";}", "}")
sys.stdout.write(css.strip() + "\n")
