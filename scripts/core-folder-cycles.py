#!/usr/bin/env python3
"""Prints which Core folders use which (by the top-level type names they mention) and any cycle between them.

Usage: python3 scripts/core-folder-cycles.py [CORE_DIR]   (exit 1 when a cycle exists)
The composition root (LuoshiCore.cs, ILuoshiStore.cs, LuoshiStoreBase.cs) may name every folder and is left out. A heuristic: a word that
is also a type name elsewhere counts as a use, so a rename of a clashing local name may be needed to silence it.
"""
import collections
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src", "LuoshiArchive.Core")
COMPOSITION = {"LuoshiCore.cs", "ILuoshiStore.cs", "LuoshiStoreBase.cs"}
DECLARATION = re.compile(
    r"^(?:public |internal )?(?:sealed |static |abstract |partial )*(?:class|record|interface|enum|struct)\s+(\w+)", re.M)

types, files = {}, collections.defaultdict(list)
for directory, _, names in os.walk(root):
    if os.sep + "bin" in directory or os.sep + "obj" in directory:
        continue
    for name in sorted(names):
        if not name.endswith(".cs"):
            continue
        path = os.path.join(directory, name)
        rel = os.path.relpath(path, root)
        folder = rel.split(os.sep)[0] if os.sep in rel else "(root)"
        source = open(path, encoding="utf-8").read()
        files[folder].append((rel, source))
        for match in DECLARATION.finditer(source):
            # A partial class spread over folders belongs to the root file that declares it first.
            if folder == "(root)" or match.group(1) not in types:
                types[match.group(1)] = folder

uses = collections.defaultdict(lambda: collections.defaultdict(set))
for folder, entries in files.items():
    for rel, source in entries:
        if rel in COMPOSITION:
            continue
        code = re.sub(r'"(?:\\.|[^"\\])*"', '""', re.sub(r"//.*", "", source))
        words = set(re.findall(r"(?<![.\w])[A-Z]\w+\b", code))
        words |= set(re.findall(r"\b(?:%s)\.([A-Z]\w+)" % "|".join(f for f in files if f != "(root)"), code))
        for word in words:
            if word in types and types[word] != folder:
                uses[folder][types[word]].add((rel, word))

graph = {f: set(uses[f]) for f in files}
index, low, stack, on_stack, components = {}, {}, [], set(), []
sys.setrecursionlimit(10000)


def connect(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on_stack.add(v)
    for w in graph.get(v, ()):
        if w not in index:
            connect(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        components.append(component)


for vertex in graph:
    if vertex not in index:
        connect(vertex)
for folder in sorted(uses):
    print(folder, "->", ", ".join(sorted(uses[folder])))
cycles = [sorted(c) for c in components if len(c) > 1]
print("cycles:", cycles)
for cycle in cycles:
    for a in cycle:
        for b in cycle:
            for rel, word in sorted(uses[a][b]):
                print(f"  {a} -> {b}: {rel} uses {word}")
sys.exit(1 if cycles else 0)
