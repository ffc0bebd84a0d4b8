#!/usr/bin/env python3
"""Check heldout/gold.json against heldout/articles/*.txt.

Every evidence string (partners, optional_partners, negatives, budget,
budget_distractors, areas) must be an exact substring of the article body
(body = the file without its first '# source:' line). Also checks file
naming, body length (1,000-3,000 characters: the short readout 09 is a whole page), the source/licence line,
the shape of each gold object and the budget arithmetic (usd = amount x unit_scale).
Prints a summary and exits 1 on any problem.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, 'articles')
LICENSES = {'public-domain-US-gov', 'CC-BY-SA-4.0 (Wikipedia contributors)'}
KEYS = ["file", "focal", "partners", "budget", "optional_partners", "negatives",
        "budget_distractors", "areas"]

problems, n_ev, missing = [], 0, 0
gold = json.load(open(os.path.join(HERE, 'gold.json'), encoding='utf-8'))
files = sorted(f for f in os.listdir(ART) if f.endswith('.txt'))
if [g['file'] for g in gold] != files:
    problems.append('gold.json file order/list differs from articles/')

for g in gold:
    f = g['file']
    if list(g.keys()) != KEYS:
        problems.append('%s: keys %s' % (f, list(g.keys())))
    if not re.fullmatch(r'\d\d_[a-z]{3}_[a-z0-9_\-]+\.txt', f) or f[3:6].upper() != g['focal']:
        problems.append('%s: name/focal mismatch' % f)
    text = open(os.path.join(ART, f), encoding='utf-8').read()
    first, body = text.split('\n', 1)
    m = re.fullmatch(r'# source: (\S+)  license: (.+)', first)
    if not m or m.group(2) not in LICENSES:
        problems.append('%s: bad source line' % f)
    if not 1000 <= len(body) <= 3000:
        problems.append('%s: body length %d' % (f, len(body)))

    def check(ev, where):
        global n_ev, missing
        n_ev += 1
        if not isinstance(ev, str) or not ev or ev not in body:
            missing += 1
            problems.append('%s: evidence not found (%s): %r' % (f, where, ev[:80] if isinstance(ev, str) else ev))

    for key in ('partners', 'optional_partners'):
        for p in g[key]:
            if not re.fullmatch(r'[A-Z][A-Z0-9_\-]*', p['code']):
                problems.append('%s: odd code %r' % (f, p['code']))
            if not p['evidence']:
                problems.append('%s: %s without evidence' % (f, p['name']))
            for ev in p['evidence']:
                check(ev, key + ':' + p['code'])
    for n in g['negatives']:
        for ev in n.get('evidence', []):
            check(ev, 'negative:' + n['name'])
    for b in g['budget']:
        check(b['evidence'], 'budget')
        if b['amount'] is not None:
            if b['usd'] is not None and b['currency'] == 'USD' and abs(b['amount'] * b['unit_scale'] - b['usd']) > 1e-6 * b['usd']:
                problems.append('%s: usd != amount*unit_scale' % f)
        else:
            if any(b[k] is not None for k in ('unit_scale', 'currency', 'usd')):
                problems.append('%s: amount null but money fields set' % f)
    for b in g['budget_distractors']:
        check(b['evidence'], 'distractor')
    for a in g['areas']:
        check(a['evidence'], 'area:' + a['area'])

print('files: %d  gold objects: %d  evidence strings: %d  missing evidence: %d'
      % (len(files), len(gold), n_ev, missing))
for p in problems:
    print('PROBLEM:', p)
sys.exit(1 if problems else 0)
