import csv,statistics,sys
rows=[r for r in csv.DictReader(open(sys.argv[1])) if r['warmup']=='false']
for sc in sorted({r['scenario'] for r in rows}):
    d={}
    for r in rows:
        if r['scenario']==sc: d[(r['variant'],r['pair'])]=r
    pairs=sorted({p for (v,p) in d})
    rr=[float(d[('layer',p)]['response_ms'])/float(d[('code-config',p)]['response_ms']) for p in pairs if ('layer',p) in d and ('code-config',p) in d]
    cr=[float(d[('layer',p)]['cpu_ticks'])/float(d[('code-config',p)]['cpu_ticks']) for p in pairs if ('layer',p) in d and ('code-config',p) in d]
    med=lambda v: statistics.median([float(d[(v,p)]['response_ms']) for p in pairs if (v,p) in d])
    medc=lambda v: statistics.median([float(d[(v,p)]['cpu_ticks']) for p in pairs if (v,p) in d])
    print(f"{sc}: n={len(rr)} layer/code-config wall: ratio of medians {med('layer')/med('code-config'):.3f}, median per-round {statistics.median(rr):.3f} (p25 {statistics.quantiles(rr,n=4)[0]:.3f}, p75 {statistics.quantiles(rr,n=4)[2]:.3f}); CPU: ratio of medians {medc('layer')/medc('code-config'):.3f}, median per-round {statistics.median(cr):.3f}")
