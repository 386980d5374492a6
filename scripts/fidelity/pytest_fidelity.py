"""pytest plugin of `pnpm fidelity`: one JSON line per test (outcome, markers, reason), written to
the file named by FIDELITY_RESULTS. It only observes; the suite runs as published."""
import json
import os
import sys

_results = {}


def _reason(report):
    if report.passed:
        return ''
    crash = getattr(report.longrepr, 'reprcrash', None)
    if crash is not None:
        return crash.message.strip().splitlines()[0][:400] if crash.message.strip() else ''
    if isinstance(report.longrepr, tuple):  # skipped: (file, line, reason)
        return str(report.longrepr[2])[:400]
    return str(report.longrepr).strip().splitlines()[-1][:400] if report.longrepr else ''


def pytest_collection_finish(session):
    for item in session.items:
        _results[item.nodeid] = {
            'nodeid': item.nodeid,
            'name': item.name,
            'markers': sorted({m.name for m in item.iter_markers()}),
            'outcome': 'not run',
            'reason': '',
            'seconds': 0.0,
        }


_done = set()


def pytest_runtest_logreport(report):
    entry = _results.get(report.nodeid)
    if entry is None:
        return
    if report.when == 'teardown':
        _done.add(report.nodeid)
        if len(_done) % 50 == 0 or len(_done) == len(_results):
            sys.stderr.write('fidelity-progress %d %d\n' % (len(_done), len(_results)))
            sys.stderr.flush()
    entry['seconds'] = round(entry['seconds'] + report.duration, 3)
    if report.when == 'call' or report.failed or (report.skipped and report.when == 'setup'):
        if entry['outcome'] in ('not run', 'passed'):
            outcome = 'passed' if report.passed else 'skipped' if report.skipped else 'failed' if report.when == 'call' else 'error'
            entry['outcome'] = outcome
            entry['reason'] = _reason(report)
            entry['phase'] = report.when


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get('FIDELITY_RESULTS')
    if not path:
        return
    with open(path, 'w', encoding='utf-8') as out:
        for entry in _results.values():
            out.write(json.dumps(entry) + '\n')
