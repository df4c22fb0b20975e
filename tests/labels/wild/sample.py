import random, os, json
import sys
base=sys.argv[1] if len(sys.argv)>1 else '../shared/wild'
def wc(p): return len(open(os.path.join(base,p),encoding='utf-8').read().split())
rooms={'guardian-2022-05':['guardian-2022-05'],'bbc-2004-05':['bbc-2004-05/politics','bbc-2004-05/business'],'reuters-1987':['reuters-1987'],'dailymail-cnn-2015':['dailymail-cnn-2015']}
out=[]
for room,dirs in rooms.items():
    files=sorted(os.path.join(d,f) for d in dirs for f in os.listdir(os.path.join(base,d)) if f.endswith('.txt'))
    rng=random.Random(20261202)
    picks=rng.sample(files,12)
    chosen=[];seen=set(picks);skipped=[]
    queue=list(picks)
    while queue:
        p=queue.pop(0)
        if wc(p)>=150: chosen.append(p)
        else:
            skipped.append(p)
            while True:
                r=rng.choice(files)
                if r not in seen: seen.add(r); queue.append(r); break
    for p in chosen: out.append((room,p,wc(p)))
    print(room,len(files),'skipped',skipped)
json.dump(out,open(os.path.join(os.path.dirname(os.path.abspath(__file__)),'sample.json'),'w'),indent=0)
for o in out: print(o)
