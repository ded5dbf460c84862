#!/usr/bin/env python3
"""Drives `isojournal --plain` through a pseudo-terminal for the end-to-end tests.

usage: plain-pty.py STEPS.json TRANSCRIPT BINARY [ARG...]

STEPS is a JSON list, run in order:
  {"expect": REGEX}                      wait for the text
  {"send": LINE}                         type the line and Enter
  {"eof": true}                          Ctrl-D at the start of a line (end of input)
  {"until": REGEX, "prompt": REGEX, "send": LINE}
                                         answer every PROMPT with LINE until UNTIL appears
Everything the program wrote (with the terminal's echo) goes to TRANSCRIPT, byte for byte.
Prints the exit status; exits 3 when a step times out, 4 when pexpect is missing.
"""
import json
import sys

try:
    import pexpect
except ImportError:
    print("skipped: python3 pexpect is not installed")
    sys.exit(4)

steps_path, transcript_path, binary = sys.argv[1:4]
steps = json.load(open(steps_path))
child = pexpect.spawn(binary, sys.argv[4:], timeout=15, dimensions=(24, 80))
seen = bytearray()


def wait(patterns):
    index = child.expect([p.encode() for p in patterns])
    seen.extend(child.before + child.after)
    return index


failed = None
try:
    for number, step in enumerate(steps):
        try:
            if "until" in step:
                while wait([step["until"], step["prompt"]]) == 1:
                    child.sendline(step["send"].encode())
            elif "expect" in step:
                wait([step["expect"]])
            elif "send" in step:
                child.sendline(step["send"].encode())
            elif step.get("eof"):
                child.sendeof()
        except (pexpect.TIMEOUT, pexpect.EOF) as error:
            failed = "step %d %s: %s" % (number, json.dumps(step), type(error).__name__)
            break
    if failed is None:
        child.expect(pexpect.EOF)
        seen.extend(child.before)
finally:
    if failed is not None:
        seen.extend(child.before or b"")
    child.close(force=True)
    with open(transcript_path, "wb") as out:
        out.write(bytes(seen))

if failed is not None:
    print("failed at " + failed)
    sys.exit(3)
print(child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0))
