import csv,statistics as st,sys
rows=[r for r in csv.DictReader(open(sys.argv[1])) if r['warmup']=='false']
for sc in sorted({r['scenario'] for r in rows}):
    by={}
    for r in rows:
        if r['scenario']==sc: by.setdefault(r['pair'],{})[r['variant']]=r
    d=[float(v['guarded-inventory']['response_ms'])-float(v['guarded']['response_ms']) for v in by.values() if 'guarded' in v and 'guarded-inventory' in v]
    rat=[float(v['guarded-inventory']['response_ms'])/float(v['guarded']['response_ms']) for v in by.values() if 'guarded' in v and 'guarded-inventory' in v]
    cpu=[(int(v['guarded-inventory']['cpu_ticks'])-int(v['guarded']['cpu_ticks']))*10 for v in by.values() if 'guarded' in v and 'guarded-inventory' in v]
    q=lambda x: st.quantiles(x,n=4)
    print(sc, 'n=%d'%len(d), 'diff median %.0f ms (p25 %.0f, p75 %.0f)'%(st.median(d),q(d)[0],q(d)[2]), 'ratio median %.3f (p25 %.3f p75 %.3f)'%(st.median(rat),q(rat)[0],q(rat)[2]), 'cpu diff median %d ms'%st.median(cpu))
