"""A fleet: journeys walked by Celery workers on many machines, one journey at a time per
worker process, recorded once each in the history database and folded into one run.

app.py configures Celery for long, measured jobs; tasks.py walks a journey and finishes a
run; ledger.py keeps the fleet's runs and walks in the history database; limit.py keeps a
fleet from walking more journeys on one store at once than it may take.
"""
