// 我要反映: pick a category, describe the problem, give the place (typed, optionally with the
// phone's location) and a photo; the reply is the case number and a tracking code to keep.
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { api, ApiError, type PublicService, type Submitted } from '../api';

const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

export function SubmitPage() {
  const [services, setServices] = useState<PublicService[]>([]);
  const [group, setGroup] = useState('');
  const [serviceCode, setServiceCode] = useState('');
  const [detail, setDetail] = useState('');
  const [address, setAddress] = useState('');
  const [coords, setCoords] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);

  useEffect(() => {
    api.services().then(setServices, (e: unknown) => setError(e instanceof ApiError ? e.message : '分类加载失败'));
  }, []);
  useEffect(() => {
    if (!photo) return setPreview(null);
    const url = URL.createObjectURL(photo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  const groups = useMemo(() => [...new Set(services.map((s) => s.group ?? '其他'))], [services]);
  const inGroup = services.filter((s) => (s.group ?? '其他') === group);

  const locate = () => {
    if (!navigator.geolocation) return setError('此浏览器不支持定位，请直接填写地址。');
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setCoords({ lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) });
        setLocating(false);
      },
      () => {
        setLocating(false);
        setError('无法获取位置，请直接填写地址。');
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  const pickPhoto = (file: File | null) => {
    setError(null);
    if (file && !file.type.startsWith('image/')) return setError('只能上传照片。');
    if (file && file.size > MAX_PHOTO_BYTES) return setError('照片不能超过 8 MB。');
    setPhoto(file);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!serviceCode) return setError('请选择诉求分类。');
    if (detail.trim().length < 5) return setError('请把问题描述得具体一些（至少 5 个字）。');
    if (address.trim().length < 2) return setError('请填写问题发生的地址。');
    if (phone && !/^\+?[\d\s-]{5,20}$/.test(phone)) return setError('手机号格式不正确。');
    setBusy(true);
    try {
      const photoIds = photo ? [(await api.uploadPhoto(photo)).id] : [];
      setDone(
        await api.submit({ serviceCode, detail: detail.trim(), address: address.trim(), coordinates: coords, name: name.trim() || null, phone: phone.trim() || null, photoIds }),
      );
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '提交失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <section className="card success" data-testid="submitted">
        <h2>提交成功</h2>
        <p>您的诉求已受理，我们会尽快派至承办单位办理。</p>
        <dl className="facts">
          <dt>诉求编号</dt>
          <dd className="mono big" data-testid="case-number">
            {done.caseNumber}
          </dd>
          <dt>查询码</dt>
          <dd className="mono" data-testid="tracking-token">
            {done.trackingToken}
          </dd>
        </dl>
        <p className="hint">请保存诉求编号和查询码。凭查询码可随时查询办理进度（查询码请勿告诉他人）。</p>
        <a className="button" href={`#/track?code=${encodeURIComponent(done.trackingToken)}`}>
          查看办理进度
        </a>
      </section>
    );
  }

  return (
    <form className="card form" onSubmit={submit} noValidate>
      <h2>我要反映</h2>
      <label>
        诉求大类
        <select
          value={group}
          onChange={(e) => {
            setGroup(e.target.value);
            setServiceCode('');
          }}
          name="group"
        >
          <option value="">请选择</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <label>
        具体分类
        <select value={serviceCode} onChange={(e) => setServiceCode(e.target.value)} disabled={!group} name="service">
          <option value="">请选择</option>
          {inGroup.map((s) => (
            <option key={s.serviceCode} value={s.serviceCode}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        问题描述
        <textarea value={detail} onChange={(e) => setDetail(e.target.value)} rows={4} maxLength={2000} placeholder="请描述发生了什么、持续多久、影响了谁" name="detail" />
      </label>
      <label>
        发生地址
        <input value={address} onChange={(e) => setAddress(e.target.value)} maxLength={300} placeholder="如：朝阳区望京街道花家地西里三区5号楼" name="address" />
      </label>
      <div className="row">
        <button type="button" className="secondary" onClick={locate} disabled={locating}>
          {locating ? '定位中…' : '使用当前位置'}
        </button>
        {coords && (
          <span className="hint" data-testid="coords">
            已定位：{coords.lat}, {coords.lng}
          </span>
        )}
      </div>
      <label>
        现场照片（可选，不超过 8 MB）
        <input type="file" accept="image/*" capture="environment" onChange={(e) => pickPhoto(e.target.files?.[0] ?? null)} name="photo" />
      </label>
      {preview && <img className="preview" src={preview} alt="照片预览" />}
      <div className="grid2">
        <label>
          称呼（可选）
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="如：张先生" name="name" />
        </label>
        <label>
          手机号（用于回访和查询）
          <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" maxLength={20} placeholder="138xxxxxxxx" name="phone" />
        </label>
      </div>
      <p className="hint">您的姓名和电话严格保密，只用于办理和回访。</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? '提交中…' : '提交诉求'}
      </button>
    </form>
  );
}
