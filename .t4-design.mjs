import sharp from "sharp";
import { createCanvas } from "@napi-rs/canvas";
sharp.concurrency(2);
for (const S of [2400,3600]) {
const c=createCanvas(S,S); const g=c.getContext("2d");
g.fillStyle="rgba(200,50,50,0.9)"; g.beginPath(); g.arc(S/2,S/2,S/2.4,0,Math.PI*2); g.fill();
const id=g.getImageData(0,0,S,S); const raw=Buffer.from(id.data.buffer);
const png=await sharp(raw,{raw:{width:S,height:S,channels:4}}).png({compressionLevel:6,adaptiveFiltering:false}).toBuffer();
const w=5400,h=7200, side=4860;
for (const k of ["nearest","linear","cubic","mitchell","lanczos3"]) {
 let t=Date.now(); await sharp(png).resize(side,side,{kernel:k}).extend({top:(h-side)/2,bottom:(h-side)/2,left:270,right:270,background:{r:0,g:0,b:0,alpha:0}}).withMetadata({density:300}).png({compressionLevel:2,adaptiveFiltering:false}).toBuffer(); console.log(S,k,Date.now()-t);
}}
