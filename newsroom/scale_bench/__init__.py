"""The scale benchmark: every public page, feed, API list and admin list timed at several sizes.

`manage.py bench_scale` builds the corpora (`corpora`), starts one worker per corpus
(`coordinator`) that resolves the rows (`rows`, `facts`) and answers them (`probe`; `floors`
and `sql_json` for the raw-SQL floors), then prints the table and its checks (`report`).
"""
