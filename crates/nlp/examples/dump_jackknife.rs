//! Writes the jackknifed training file and a dev file with predicted tags (gold trees),
//! so parser experiments can run on predicted tags without retraining taggers:
//! `dump_jackknife TRAIN DEV OUT_TRAIN OUT_DEV`, then `parser_gold OUT_TRAIN OUT_DEV`.

use aras_nlp::conllu;
use aras_nlp::model::{jackknife, TrainOptions};
use aras_nlp::tagger::Tagged;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, train, dev, out_train, out_dev] = args.as_slice() else {
        return Err("usage: dump_jackknife TRAIN DEV OUT_TRAIN OUT_DEV".into());
    };
    let train = conllu::parse(&std::fs::read_to_string(train)?)?;
    let mut dev = conllu::parse(&std::fs::read_to_string(dev)?)?;
    let (tagger, retagged) = jackknife(&train, &TrainOptions::default(), &mut |m| eprintln!("{m}"));
    let mut out = String::new();
    retagged.iter().for_each(|s| s.write_to(&mut out));
    std::fs::write(out_train, &out)?;
    let mut tagged = Tagged::default();
    for s in &mut dev {
        let forms: Vec<String> = s.words.iter().map(|w| w.form.clone()).collect();
        let forms: Vec<&str> = forms.iter().map(|f| f.as_str()).collect();
        tagger.tag_into(&forms, &mut tagged);
        for (i, w) in s.words.iter_mut().enumerate() {
            w.upos = tagger.upos_name(tagged.upos[i]).to_string();
            w.xpos = tagger.xpos_name(tagged.xpos[i]).to_string();
        }
    }
    out.clear();
    dev.iter().for_each(|s| s.write_to(&mut out));
    std::fs::write(out_dev, &out)?;
    Ok(())
}
