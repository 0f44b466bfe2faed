"""Scores against benchmarks: TimeML, TempEval, SemEval, news-tls, gold events."""
