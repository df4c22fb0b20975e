# Samples 50 sourcing findings per newsroom from copydesk's JSON output, leaving out the articles
# of the two blind-labelled samples (excluded.txt).
import json, random, collections
# Run in a folder holding NEWSROOM.json (guardian, bbc, reuters, dailymail) from
# `copydesk check ../shared/wild/FOLDER --format json --fail-on never` for each newsroom and excluded.txt (the files of ../wild-labels.jsonl and ../blind-2026-12c/labels.jsonl).
SRC={'guardian':'guardian-2022-05','bbc':'bbc-2004-05','reuters':'reuters-1987','dailymail':'dailymail-cnn-2015'}
RULES={'anonymous-source','anonymity-unexplained','anonymity-boilerplate','anonymous-source-bare','anonymous-source-uncounted','anonymous-attack','vague-attribution','unattributed-quote','quote-attribution-late','unsourced-figure','loaded-attribution-verb','unattributed-allegation'}
excluded=set(l.strip() for l in open('excluded.txt') if l.strip())
def load(fn):
    d=json.load(open(fn)); out=[]
    for f in d['files']:
        rel=f['path'].split('wild/')[1]
        if rel in excluded: continue
        for g in f['diagnostics']:
            out.append(dict(file=f['path'],rule=g['rule'],severity=g['severity'],start=g['span']['start'],end=g['span']['end'],message=g['message'],category=g.get('category')))
    return out
samples=[]
for k,d in SRC.items():
    allf=load(k+'.json'); src=[x for x in allf if x['rule'] in RULES]
    src.sort(key=lambda x:(x['file'],x['start'],x['rule']))
    rng=random.Random(9); s=rng.sample(src,50)
    print(k,len(allf),len(src),collections.Counter(x['rule'] for x in src).most_common())
    for i,x in enumerate(s): x['newsroom']=k; x['idx']=i; samples.append(x)
json.dump(samples,open('sample.json','w'),indent=0)
